package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

type invitationSettingsModel struct {
	ID            types.String `tfsdk:"id"`
	InviteMembers types.Bool   `tfsdk:"allow_inviting_members"`
	InviteGuests  types.Bool   `tfsdk:"allow_inviting_guests"`
}

func newInvitationSettingsResource() resource.Resource {
	return &settingResource[invitationSettingsModel, docspace.InvitationSettings]{spec: settingSpec[invitationSettingsModel, docspace.InvitationSettings]{
		name:        "invitation_settings",
		description: "Who may invite people: members who are not admins inviting new portal members, and members inviting guests into rooms." + settingResetDescription + " (both allowed).",
		attributes: map[string]schema.Attribute{
			"allow_inviting_members": schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(true),
				Description: "Members who are not admins may invite new members to the portal. Default true."},
			"allow_inviting_guests": schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(true),
				Description: "Members may invite guests into rooms. Default true."},
		},
		read:  (*docspace.Client).InvitationSettings,
		write: (*docspace.Client).SetInvitationSettings,
		reset: func(c *docspace.Client, ctx context.Context) error {
			return c.SetInvitationSettings(ctx, docspace.InvitationSettings{AllowInvitingMembers: true, AllowInvitingGuests: true})
		},
		toModel: func(s docspace.InvitationSettings, _ *invitationSettingsModel) invitationSettingsModel {
			return invitationSettingsModel{ID: types.StringValue(settingID), InviteMembers: types.BoolValue(s.AllowInvitingMembers), InviteGuests: types.BoolValue(s.AllowInvitingGuests)}
		},
		fromModel: func(_ context.Context, m invitationSettingsModel) (docspace.InvitationSettings, diag.Diagnostics) {
			return docspace.InvitationSettings{AllowInvitingMembers: m.InviteMembers.ValueBool(), AllowInvitingGuests: m.InviteGuests.ValueBool()}, nil
		},
	}}
}
