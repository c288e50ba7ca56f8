package docspace

// Internals the external tests reach.
var (
	Backoff = backoff
	Snippet = snippet
)
