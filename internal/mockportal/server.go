package mockportal

import (
	"context"
	"crypto/tls"
	"errors"
	"io"
	"log"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"
)

// Server serves a Portal over real HTTP on a loopback (or given) address and counts TCP
// connections, so tests can see whether clients reuse them.
type Server struct {
	*Portal
	URL string
	// spaces are the server's portals, this one first, and the hosting API (spaces.go).
	spaces *spaceHost
	// CAPEM is the certificate authority that signed the server's certificate (TLS mode).
	CAPEM string

	srv      *http.Server
	listener net.Listener
	done     chan struct{}

	connMu    sync.Mutex
	accepted  int
	active    int
	maxActive int
}

// ConnStats says how many TCP connections the server accepted in all, and the most that
// were open at once.
type ConnStats struct {
	Accepted  int `json:"accepted"`
	MaxActive int `json:"max_active"`
}

// Start serves a new portal on 127.0.0.1 with a free port.
func Start(opts Options) (*Server, error) {
	return Listen("127.0.0.1:0", New(opts))
}

// Listen serves portal on addr ("127.0.0.1:0" picks a free port).
func Listen(addr string, portal *Portal) (*Server, error) {
	ln, err := (&net.ListenConfig{}).Listen(context.Background(), "tcp", addr)
	if err != nil {
		return nil, err
	}
	s := &Server{Portal: portal, listener: ln, done: make(chan struct{})}
	scheme := "http"
	if portal.opts.TLS {
		cert, caPEM, err := selfSignedCA()
		if err != nil {
			_ = ln.Close()
			return nil, err
		}
		s.CAPEM = string(caPEM)
		ln = tls.NewListener(ln, &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12})
		scheme = "https"
	}
	s.URL = scheme + "://" + ln.Addr().String() + portal.opts.PathPrefix
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	s.spaces = newSpaceHost(portal, port)
	s.srv = &http.Server{
		Handler:           http.HandlerFunc(s.serveHTTP),
		ReadHeaderTimeout: 10 * time.Second,
		ConnState:         s.trackConn,
		ErrorLog:          quietLogger(),
	}
	go func() {
		defer close(s.done)
		if err := s.srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			panic(err)
		}
	}()
	return s, nil
}

func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/__mock/connections" && r.Method == http.MethodGet {
		writeJSON(w, http.StatusOK, s.ConnStats())
		return
	}
	if rest, ok := strings.CutPrefix(r.URL.Path, s.opts.PathPrefix+"/apisystem/"); ok {
		s.spaces.serveAPISystem(w, r, rest)
		return
	}
	s.spaces.serveSpace(w, r)
}

// quietLogger drops net/http's server log: dropped connections are on purpose here.
func quietLogger() *log.Logger { return log.New(io.Discard, "", 0) }

func (s *Server) trackConn(_ net.Conn, state http.ConnState) {
	s.connMu.Lock()
	defer s.connMu.Unlock()
	switch state {
	case http.StateNew:
		s.accepted++
		s.active++
		s.maxActive = max(s.maxActive, s.active)
	case http.StateClosed, http.StateHijacked:
		s.active--
	}
}

// ConnStats returns the connection counters.
func (s *Server) ConnStats() ConnStats {
	s.connMu.Lock()
	defer s.connMu.Unlock()
	return ConnStats{Accepted: s.accepted, MaxActive: s.maxActive}
}

// Addr is the host:port the server listens on.
func (s *Server) Addr() string { return s.listener.Addr().String() }

// Close stops the server and waits for its goroutine; open connections are cut.
func (s *Server) Close() {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := s.srv.Shutdown(ctx); err != nil {
		_ = s.srv.Close()
	}
	<-s.done
}
