package docspace

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// enumNames maps an API enum, which travels as a number, to the names the provider uses.
type enumNames[T ~int] map[T]string

// sorted lists the names in alphabetical order.
func (n enumNames[T]) sorted() []string {
	out := make([]string, 0, len(n))
	for _, name := range n {
		out = append(out, name)
	}
	sort.Strings(out)
	return out
}

// parse reads a name; what says what it names, for the error.
func (n enumNames[T]) parse(name, what string) (T, error) {
	for v, known := range n {
		if known == name {
			return v, nil
		}
	}
	return 0, fmt.Errorf("unknown %s %q: use one of %s", what, name, strings.Join(n.sorted(), ", "))
}

// name is v's name, or prefix_<number> for a number the provider does not know.
func (n enumNames[T]) name(v T, prefix string) string {
	if name, ok := n[v]; ok {
		return name
	}
	return prefix + "_" + strconv.Itoa(int(v))
}
