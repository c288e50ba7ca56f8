package mockportal

// TB is what StartTest needs of a test: *testing.T and *testing.B have it. The mock never
// imports the testing package, so the docspace-mock command does not carry it.
type TB interface {
	Helper()
	Fatalf(format string, args ...any)
	Cleanup(func())
}

// StartTest is the one way tests start a mock portal: on a free loopback port, closed when
// the test ends.
func StartTest(t TB, opts Options) *Server {
	t.Helper()
	srv, err := Start(opts)
	if err != nil {
		t.Fatalf("starting the mock portal: %v", err)
	}
	t.Cleanup(srv.Close)
	return srv
}
