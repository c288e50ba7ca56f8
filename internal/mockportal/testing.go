package mockportal

import "testing"

// StartTest is the one way tests start a mock portal: on a free loopback port, closed when
// the test ends.
func StartTest(t testing.TB, opts Options) *Server {
	t.Helper()
	srv, err := Start(opts)
	if err != nil {
		t.Fatalf("starting the mock portal: %v", err)
	}
	t.Cleanup(srv.Close)
	return srv
}
