package mockportal

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"
)

// Proxy is a forward proxy for HTTPS (CONNECT tunnels) on loopback. It maps TestHostName
// to the address of a mock portal, so a client configured with HTTPS_PROXY reaches the mock
// only through it; it counts the tunnels it opened.
type Proxy struct {
	URL string

	target   string
	srv      *http.Server
	mu       sync.Mutex
	connects []string
	done     chan struct{}
	wg       sync.WaitGroup
}

// StartProxy serves a proxy that sends TestHostName:port to target (host:port).
func StartProxy(target string) (*Proxy, error) {
	ln, err := (&net.ListenConfig{}).Listen(context.Background(), "tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	p := &Proxy{URL: "http://" + ln.Addr().String(), target: target, done: make(chan struct{})}
	p.srv = &http.Server{Handler: http.HandlerFunc(p.serve), ReadHeaderTimeout: 10 * time.Second, ErrorLog: quietLogger()}
	go func() {
		defer close(p.done)
		if err := p.srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			panic(err)
		}
	}()
	return p, nil
}

// Connects lists the host:port of every CONNECT the proxy served.
func (p *Proxy) Connects() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.connects...)
}

func (p *Proxy) serve(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodConnect {
		http.Error(w, "this test proxy only tunnels HTTPS (CONNECT)", http.StatusMethodNotAllowed)
		return
	}
	p.mu.Lock()
	p.connects = append(p.connects, r.Host)
	p.mu.Unlock()
	if !strings.HasPrefix(r.Host, TestHostName+":") {
		http.Error(w, "unknown host "+r.Host, http.StatusBadGateway)
		return
	}
	upstream, err := (&net.Dialer{Timeout: 5 * time.Second}).DialContext(r.Context(), "tcp", p.target)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	w.WriteHeader(http.StatusOK)
	client, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		_ = upstream.Close()
		return
	}
	p.wg.Add(2)
	pipe := func(dst, src net.Conn) {
		defer p.wg.Done()
		_, _ = io.Copy(dst, src)
		_ = dst.Close()
		_ = src.Close()
	}
	go pipe(upstream, client)
	go pipe(client, upstream)
}

// Close stops the proxy and its tunnels.
func (p *Proxy) Close() {
	_ = p.srv.Close()
	<-p.done
}
