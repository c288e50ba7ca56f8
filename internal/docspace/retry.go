package docspace

import (
	"context"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/go-retryablehttp"
)

// retryableStatus lists the answers worth another try: rate limiting and the reverse
// proxy's "portal not reachable right now". Other 4xx and 5xx will not change on retry.
func retryableStatus(code int) bool {
	switch code {
	case http.StatusTooManyRequests, http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return true
	}
	return false
}

type replayKey struct{}

type anonymousKey struct{}

// withoutCredentials marks a request to send without the API key (an anonymous endpoint
// that must keep working when the key no longer does).
func withoutCredentials(ctx context.Context) context.Context {
	return context.WithValue(ctx, anonymousKey{}, true)
}

// withoutReplay marks a request that must not be sent twice if it may have been processed
// (it is not idempotent): only 429 and 503, which mean "not processed", are retried.
func withoutReplay(ctx context.Context) context.Context {
	return context.WithValue(ctx, replayKey{}, true)
}

// checkRetry never retries once the context is done. Transport errors go through
// retryablehttp's default policy, which already refuses to retry TLS verification failures,
// bad schemes and redirect-loop errors.
func checkRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	if ctxErr := ctx.Err(); ctxErr != nil {
		return false, ctxErr
	}
	if noReplay, _ := ctx.Value(replayKey{}).(bool); noReplay {
		return err == nil && (resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable), nil
	}
	if err != nil {
		return retryablehttp.DefaultRetryPolicy(ctx, resp, err)
	}
	return retryableStatus(resp.StatusCode), nil
}

// backoff honours Retry-After on 429 and 503 (capped at maxRetryAfter) and otherwise
// waits exponentially with jitter, so parallel resources do not retry in lockstep.
func backoff(maxRetryAfter time.Duration) retryablehttp.Backoff {
	return func(minWait, maxWait time.Duration, attempt int, resp *http.Response) time.Duration {
		if resp != nil && (resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable) {
			if d, ok := ParseRetryAfter(resp.Header.Get("Retry-After"), time.Now()); ok {
				return min(d, maxRetryAfter)
			}
		}
		wait := maxWait
		if attempt < 30 {
			wait = min(minWait<<attempt, maxWait)
		}
		if wait <= 0 {
			return 0
		}
		// Equal jitter: at least half the exponential step, at most all of it.
		half := wait / 2
		return half + rand.N(wait-half+1) //nolint:gosec // jitter needs no cryptographic randomness
	}
}

// ParseRetryAfter reads a Retry-After value: delay seconds or an HTTP date. It reports
// false for anything else, and never returns a negative duration.
func ParseRetryAfter(value string, now time.Time) (time.Duration, bool) {
	value = strings.TrimSpace(value)
	if value == "" {
		return 0, false
	}
	if secs, err := strconv.ParseInt(value, 10, 64); err == nil {
		if secs < 0 {
			return 0, false
		}
		// Anything beyond a day is nonsense for an API hint; clamp before converting so the
		// multiplication cannot overflow.
		secs = min(secs, 86400)
		return time.Duration(secs) * time.Second, true
	}
	if t, err := http.ParseTime(value); err == nil {
		d := t.Sub(now)
		if d < 0 {
			d = 0
		}
		return min(d, 24*time.Hour), true
	}
	return 0, false
}
