package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

// loginEventModel is a sign-in: the common columns, the login typed and the address.
type loginEventModel struct {
	eventModel
	Login types.String `tfsdk:"login"`
	IP    types.String `tfsdk:"ip"`
}

// newLoginEventsDataSource reads the login history.
func newLoginEventsDataSource() datasource.DataSource {
	return &eventsDataSource[docspace.LoginEvent, loginEventModel]{spec: eventSpec[docspace.LoginEvent, loginEventModel]{
		name: "login_events",
		description: "The portal's login history, filtered. Needs the key of the Owner or a DocSpace admin. The provider reads " +
			"page by page and filters itself, because DocSpace cuts each page before filtering.",
		what:  "sign-ins",
		doing: "reading the login history",
		columns: map[string]schema.Attribute{
			"login":  schema.StringAttribute{Computed: true, Description: "The login that was typed (useful for failures)."},
			"action": schema.Int64Attribute{Computed: true, Description: "DocSpace action id: 1000 and 1010 succeeded, 1002, 1005, 1013 and 1023 failed, among others."},
			"ip":     schema.StringAttribute{Computed: true, Description: "The address the attempt came from."},
		},
		read: (*docspace.Client).LoginEvents,
		toModel: func(e docspace.LoginEvent) loginEventModel {
			return loginEventModel{eventModel: newEventModel(e.ID, e.Date.Time, e.UserID, e.User, e.ActionID, e.Action),
				Login: types.StringValue(e.Login), IP: types.StringValue(e.IP)}
		},
	}}
}
