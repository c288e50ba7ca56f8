package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

// newAuditEventsDataSource reads the audit trail.
func newAuditEventsDataSource() datasource.DataSource {
	return &eventsDataSource[docspace.AuditEvent, eventModel]{spec: eventSpec[docspace.AuditEvent, eventModel]{
		name: "audit_events",
		description: "The portal's audit trail, filtered. Needs the key of the Owner or a DocSpace admin. On DocSpace Cloud " +
			"plans without the audit trail the portal returns only its newest 20 events, whatever the filter says (the " +
			"provider filters them, so fewer may come back).",
		what:  "events",
		doing: "reading the audit trail",
		read:  (*docspace.Client).AuditEvents,
		toModel: func(e docspace.AuditEvent) eventModel {
			return newEventModel(e.ID, e.Date.Time, e.UserID, e.User, e.ActionID, e.Action)
		},
	}}
}
