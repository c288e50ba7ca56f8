package provider

import (
	"context"
	"fmt"

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

// warnQuotaSwitchAtPlan warns at plan when a new or changed `quota` needs a quota switch
// that is off (checkQuotasOn; the apply refuses it). Nothing is read when quota is unset,
// unknown or unchanged.
func warnQuotaSwitchAtPlan(ctx context.Context, req resource.ModifyPlanRequest, data *providerData, kind quotaKind) diag.Diagnostics {
	var diags diag.Diagnostics
	var planned, prior types.Int64
	diags.Append(req.Plan.GetAttribute(ctx, path.Root("quota"), &planned)...)
	if !req.State.Raw.IsNull() {
		diags.Append(req.State.GetAttribute(ctx, path.Root("quota"), &prior)...)
	}
	if planned.IsNull() || planned.IsUnknown() || planned.Equal(prior) || data == nil || data.client == nil {
		return diags
	}
	return append(diags, warnAtPlan(checkQuotasOn(ctx, data.client, kind))...)
}

// quotaValidator checks a storage quota in bytes: -1 (unlimited) or a positive number, in
// one sentence (two validators joined with Any would report two contradictory errors).
type quotaValidator struct{}

func quotaBytesValidator() validator.Int64 { return quotaValidator{} }

func (quotaValidator) Description(context.Context) string {
	return "must be -1 (unlimited) or a positive number of bytes"
}

func (v quotaValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (quotaValidator) ValidateInt64(_ context.Context, req validator.Int64Request, resp *validator.Int64Response) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if q := req.ConfigValue.ValueInt64(); q != docspace.QuotaUnlimited && q < 1 {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid quota",
			fmt.Sprintf("%s is %d: a quota is -1 for unlimited or a positive number of bytes (1 GiB is 1073741824). Leave it unset for the portal's default.", req.Path, q))
	}
}
