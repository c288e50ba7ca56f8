package docspace

import (
	"slices"
	"strings"
	"time"
)

// RetentionPolicy selects backups to delete. The zero value selects every backup.
type RetentionPolicy struct {
	// KeepLatest spares the newest N candidates, whatever their age.
	KeepLatest int
	// OlderThan, when positive, limits deletion to candidates created before now-OlderThan.
	OlderThan time.Duration
	// StorageTypes limits candidates to these storage types; empty means all.
	StorageTypes []StorageType
}

// SortNewestFirst orders records by creation time, newest first, ties broken by id so
// the order does not depend on the order the API used.
func SortNewestFirst(records []BackupRecord) []BackupRecord {
	out := slices.Clone(records)
	slices.SortFunc(out, func(a, b BackupRecord) int {
		if c := b.CreatedOn.Compare(a.CreatedOn); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	return out
}

// Select returns the records the policy deletes, newest first: of the candidates (records
// of the listed storage types), the newest KeepLatest are spared, and of the rest those
// created before now-OlderThan are selected (all of them without OlderThan).
func (p RetentionPolicy) Select(records []BackupRecord, now time.Time) []BackupRecord {
	candidates := make([]BackupRecord, 0, len(records))
	for _, r := range SortNewestFirst(records) {
		if len(p.StorageTypes) == 0 || slices.Contains(p.StorageTypes, r.StorageType) {
			candidates = append(candidates, r)
		}
	}
	if p.KeepLatest >= len(candidates) {
		return nil
	}
	cutoff := now.Add(-p.OlderThan)
	var selected []BackupRecord
	for _, r := range candidates[max(p.KeepLatest, 0):] {
		if p.OlderThan <= 0 || r.CreatedOn.Before(cutoff) {
			selected = append(selected, r)
		}
	}
	return selected
}
