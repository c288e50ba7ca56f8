package main

import (
	"fmt"
	"math"
	"strings"
	"time"
)

// renderSVG plots median wall time against resource count (both axes logarithmic), one
// line per case.
func renderSVG(counts []int, results map[string]map[int][]sample) string {
	const w, h, left, right, top, bottom = 640.0, 400.0, 70.0, 20.0, 30.0, 60.0
	colors := []string{"#1f77b4", "#2ca02c", "#d62728"}
	minX, maxX := math.Log10(float64(counts[0])), math.Log10(float64(counts[len(counts)-1]))
	if maxX == minX {
		maxX = minX + 1
	}
	minY, maxY := math.Inf(1), math.Inf(-1)
	for _, c := range cases {
		for _, n := range counts {
			y := math.Log10(median(walls(results[c.name][n])).Seconds())
			minY, maxY = math.Min(minY, y), math.Max(maxY, y)
		}
	}
	minY, maxY = math.Floor(minY), math.Ceil(maxY)
	if maxY == minY {
		maxY = minY + 1
	}
	px := func(n int) float64 { return left + (math.Log10(float64(n))-minX)/(maxX-minX)*(w-left-right) }
	py := func(d time.Duration) float64 {
		return h - bottom - (math.Log10(d.Seconds())-minY)/(maxY-minY)*(h-top-bottom)
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%g" height="%g" font-family="sans-serif" font-size="12">`+"\n", w, h)
	fmt.Fprintf(&b, `<rect width="100%%" height="100%%" fill="white"/>`+"\n")
	fmt.Fprintf(&b, `<text x="%g" y="18" text-anchor="middle" font-size="14">terraform apply wall time (median) vs purge resources</text>`+"\n", w/2)
	fmt.Fprintf(&b, `<line x1="%g" y1="%g" x2="%g" y2="%g" stroke="black"/>`+"\n", left, h-bottom, w-right, h-bottom)
	fmt.Fprintf(&b, `<line x1="%g" y1="%g" x2="%g" y2="%g" stroke="black"/>`+"\n", left, top, left, h-bottom)
	for _, n := range counts {
		fmt.Fprintf(&b, `<text x="%g" y="%g" text-anchor="middle">%d</text>`+"\n", px(n), h-bottom+16, n)
	}
	fmt.Fprintf(&b, `<text x="%g" y="%g" text-anchor="middle">resources (log scale)</text>`+"\n", (left+w-right)/2, h-bottom+36)
	for e := minY; e <= maxY; e++ {
		d := time.Duration(math.Pow(10, e) * float64(time.Second))
		y := py(d)
		fmt.Fprintf(&b, `<line x1="%g" y1="%g" x2="%g" y2="%g" stroke="#ddd"/><text x="%g" y="%g" text-anchor="end">%v</text>`+"\n", left, y, w-right, y, left-6, y+4, d)
	}
	for i, c := range cases {
		var pts []string
		for _, n := range counts {
			pts = append(pts, fmt.Sprintf("%.1f,%.1f", px(n), py(median(walls(results[c.name][n])))))
		}
		fmt.Fprintf(&b, `<polyline fill="none" stroke="%s" stroke-width="2" points="%s"/>`+"\n", colors[i], strings.Join(pts, " "))
		for _, p := range pts {
			xy := strings.Split(p, ",")
			fmt.Fprintf(&b, `<circle cx="%s" cy="%s" r="3" fill="%s"/>`+"\n", xy[0], xy[1], colors[i])
		}
		fmt.Fprintf(&b, `<rect x="%g" y="%g" width="12" height="3" fill="%s"/><text x="%g" y="%g">%s</text>`+"\n", left+12, top+10+float64(i)*16, colors[i], left+28, top+15+float64(i)*16, c.name)
	}
	b.WriteString("</svg>\n")
	return b.String()
}
