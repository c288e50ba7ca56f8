package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

type quotaSettingsModel struct {
	ID                types.String `tfsdk:"id"`
	RoomQuotasEnabled types.Bool   `tfsdk:"room_quotas_enabled"`
	RoomDefaultQuota  types.Int64  `tfsdk:"room_default_quota"`
	UserQuotasEnabled types.Bool   `tfsdk:"user_quotas_enabled"`
	UserDefaultQuota  types.Int64  `tfsdk:"user_default_quota"`
}

func newQuotaSettingsResource() resource.Resource {
	return &settingResource[quotaSettingsModel, docspace.QuotaSettings]{spec: settingSpec[quotaSettingsModel, docspace.QuotaSettings]{
		name: "quota_settings",
		description: "The portal's storage quota switches for rooms and users. While room quotas are off, DocSpace ignores a " +
			"room's `quota` (it stores it but reports none), so `docspace_room` refuses `quota` until `room_quotas_enabled` is true." +
			settingResetDescription + " (both off, no default quota).",
		attributes: map[string]schema.Attribute{
			"room_quotas_enabled": schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(false),
				Description: "Apply storage quotas to rooms: each room's own `quota`, or room_default_quota. Default false."},
			"room_default_quota": quotaDefaultAttribute("room"),
			"user_quotas_enabled": schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(false),
				Description: "Apply storage quotas to users' own documents. Default false."},
			"user_default_quota": quotaDefaultAttribute("user"),
		},
		read:  (*docspace.Client).QuotaSettings,
		write: (*docspace.Client).SetQuotaSettings,
		reset: func(c *docspace.Client, ctx context.Context) error {
			current, err := c.QuotaSettings(ctx)
			if err != nil || *current == (docspace.QuotaSettings{}) {
				return err
			}
			return c.SetQuotaSettings(ctx, docspace.QuotaSettings{})
		},
		toModel: func(s docspace.QuotaSettings, _ *quotaSettingsModel) quotaSettingsModel {
			return quotaSettingsModel{ID: types.StringValue(settingID),
				RoomQuotasEnabled: types.BoolValue(s.Rooms.Enabled), RoomDefaultQuota: types.Int64Value(s.Rooms.Default),
				UserQuotasEnabled: types.BoolValue(s.Users.Enabled), UserDefaultQuota: types.Int64Value(s.Users.Default)}
		},
		fromModel: func(_ context.Context, m quotaSettingsModel) (docspace.QuotaSettings, diag.Diagnostics) {
			return docspace.QuotaSettings{
				Rooms: docspace.EntityQuota{Enabled: m.RoomQuotasEnabled.ValueBool(), Default: m.RoomDefaultQuota.ValueInt64()},
				Users: docspace.EntityQuota{Enabled: m.UserQuotasEnabled.ValueBool(), Default: m.UserDefaultQuota.ValueInt64()},
			}, nil
		},
	}}
}

func quotaDefaultAttribute(of string) schema.Int64Attribute {
	return schema.Int64Attribute{Optional: true, Computed: true, Default: int64default.StaticInt64(0),
		Validators: []validator.Int64{int64validator.AtLeast(0)},
		Description: "The quota in bytes of each " + of + " without one of its own while " + of + " quotas are enabled; 0 for none " +
			"(unlimited). It cannot exceed the portal's own storage quota. Default 0."}
}

// quotaKind says which of the portal's quota switches a quota needs.
type quotaKind string

const (
	roomQuotas quotaKind = "room"
	userQuotas quotaKind = "user"
)

// checkQuotasOn refuses a room's or an account's own quota while the portal's switch for
// it is off: DocSpace stores the quota, reports none, and the object would never match
// its configuration.
func checkQuotasOn(ctx context.Context, client *docspace.Client, kind quotaKind) diag.Diagnostics {
	var diags diag.Diagnostics
	q, err := client.QuotaSettings(ctx)
	switch {
	case err != nil:
		diags.Append(apiErrorDiagnostic(client.PortalURL(), "reading the portal's "+string(kind)+" quota switch", err))
	case kind == roomQuotas && q.Rooms.Enabled, kind == userQuotas && q.Users.Enabled:
	default:
		diags.AddAttributeError(path.Root("quota"), "The portal's "+string(kind)+" quotas are off",
			"DocSpace ignores a "+string(kind)+"'s quota until "+string(kind)+" quotas are switched on for the portal (Settings > "+
				"Storage management), so this "+string(kind)+" would never show the quota configured. Switch them on as code with a "+
				"docspace_quota_settings resource ("+string(kind)+"_quotas_enabled = true) that this resource depends on, or remove quota.")
	}
	return diags
}
