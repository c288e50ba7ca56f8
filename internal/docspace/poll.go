package docspace

import (
	"context"
	"time"
)

// pollEvery calls check, then again every interval, until check reports done or fails,
// within the context's deadline. The three asynchronous kinds of work (backup jobs,
// restores, file operations) all wait through it.
func pollEvery(ctx context.Context, interval time.Duration, check func() (done bool, err error)) error {
	for {
		done, err := check()
		if err != nil || done {
			return err
		}
		timer := time.NewTimer(interval)
		select {
		case <-ctx.Done():
			timer.Stop()
			return ctx.Err()
		case <-timer.C:
		}
	}
}
