package mockportal

// A room's data lifetime: files older than Value periods are deleted (to the trash, or for
// good with DeletePermanently) (README.md, "Rooms").

// RoomLifetime is a room's data lifetime. Period is 0 days, 1 months, 2 years.
type RoomLifetime struct {
	Period            int
	Value             int
	DeletePermanently bool
}

// lifetimeBody is RoomDataLifetimeDto; {"enabled": false} switches the lifetime off.
type lifetimeBody struct {
	Period            *int  `json:"period"`
	Value             *int  `json:"value"`
	DeletePermanently bool  `json:"deletePermanently"`
	Enabled           *bool `json:"enabled"`
}

// check is the model validation: a known period and a value from 1 to 999.
func (b *lifetimeBody) check() (field, message string) {
	switch {
	case b == nil || b.off():
		return "", ""
	case b.Period == nil || *b.Period < 0 || *b.Period > 2:
		return "Lifetime.Period", "The Period field must be 0 (days), 1 (months) or 2 (years)."
	case b.Value == nil || *b.Value < 1 || *b.Value > 999:
		return "Lifetime.Value", "The field Value must be between 1 and 999."
	}
	return "", ""
}

func (b *lifetimeBody) off() bool { return b.Enabled != nil && !*b.Enabled }

// stored is what the room keeps: nil when switched off.
func (b *lifetimeBody) stored() *RoomLifetime {
	if b.off() {
		return nil
	}
	return &RoomLifetime{Period: *b.Period, Value: *b.Value, DeletePermanently: b.DeletePermanently}
}
