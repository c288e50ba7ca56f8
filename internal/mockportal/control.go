package mockportal

import (
	"io"
	"net/http"
	"strings"
)

// serveControl is the test-control API (README.md, "The command"): the request log and
// faults here; each area's own controls beside it (webhooks_control.go).
func (p *Portal) serveControl(w http.ResponseWriter, r *http.Request) {
	switch {
	case r.URL.Path == "/__mock/requests" && r.Method == http.MethodGet:
		writeJSON(w, http.StatusOK, p.Requests())
	case r.URL.Path == "/__mock/requests" && r.Method == http.MethodDelete:
		p.ResetRequests()
		w.WriteHeader(http.StatusNoContent)
	case r.URL.Path == "/__mock/faults" && r.Method == http.MethodPost:
		body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		faults, err := ParseFaults(body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		for _, f := range faults {
			p.InjectFault(f)
		}
		w.WriteHeader(http.StatusNoContent)
	case strings.HasPrefix(r.URL.Path, "/__mock/webhooks/"):
		p.serveWebhookControl(w, r)
	case r.URL.Path == "/__mock/faults" && r.Method == http.MethodDelete:
		p.ClearFaults()
		w.WriteHeader(http.StatusNoContent)
	default:
		http.NotFound(w, r)
	}
}
