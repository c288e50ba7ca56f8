package mockportal

import (
	"encoding/json"
	"io"
	"net/http"
)

// serveWebhookControl is the webhooks' test control: POST /__mock/webhooks/head sets the
// answer of a URL's HEAD check; POST /__mock/webhooks/deliver makes the portal deliver an
// event now and answers the deliveries.
func (p *Portal) serveWebhookControl(w http.ResponseWriter, r *http.Request) {
	switch {
	case r.URL.Path == "/__mock/webhooks/head" && r.Method == http.MethodPost:
		var b struct {
			URL    string `json:"url"`
			Status int    `json:"status"`
		}
		if err := json.NewDecoder(io.LimitReader(r.Body, 1<<20)).Decode(&b); err != nil || b.URL == "" || b.Status == 0 {
			http.Error(w, "want {\"url\": \"…\", \"status\": N}", http.StatusBadRequest)
			return
		}
		p.SetWebhookHeadStatus(b.URL, b.Status)
		w.WriteHeader(http.StatusNoContent)
	case r.URL.Path == "/__mock/webhooks/deliver" && r.Method == http.MethodPost:
		var b struct {
			Trigger  string          `json:"trigger"`
			TargetID string          `json:"target_id"`
			Payload  json.RawMessage `json:"payload"`
		}
		if err := json.NewDecoder(io.LimitReader(r.Body, 1<<20)).Decode(&b); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		deliveries, err := p.DeliverWebhookEvent(r.Context(), b.Trigger, b.TargetID, b.Payload)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		out := []map[string]any{}
		for _, d := range deliveries {
			out = append(out, d.json())
		}
		writeJSON(w, http.StatusOK, out)
	default:
		http.NotFound(w, r)
	}
}
