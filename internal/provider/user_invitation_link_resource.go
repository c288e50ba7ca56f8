package provider

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

var (
	_ resource.ResourceWithConfigure   = (*invitationLinkResource)(nil)
	_ resource.ResourceWithImportState = (*invitationLinkResource)(nil)
)

func newInvitationLinkResource() resource.Resource { return &invitationLinkResource{} }

// invitationLinkResource is the portal's invitation link for one user type.
type invitationLinkResource struct {
	data *providerData
}

type invitationLinkModel struct {
	ID        types.String `tfsdk:"id"`
	UserType  types.String `tfsdk:"user_type"`
	ExpiresAt types.String `tfsdk:"expires_at"`
	MaxUses   types.Int64  `tfsdk:"max_uses"`
	URL       types.String `tfsdk:"url"`
	Uses      types.Int64  `tfsdk:"uses"`
	Expired   types.Bool   `tfsdk:"expired"`
}

// linkUserTypes are the types a link can have: guests are never invited to the portal.
var linkUserTypes = []string{"docspace_admin", "room_admin", "user"}

func (r *invitationLinkResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_invitation_link"
}

func (r *invitationLinkResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	resp.Schema = schema.Schema{
		Description: "The portal's invitation link for one user type: anyone with its URL joins the portal with that type. A portal " +
			"has at most one link per type; an existing one is imported (`terraform import docspace_invitation_link.<name> user`). " +
			"Destroying it deletes the link, so its URL lets nobody in any more (accounts that joined stay). Needs invitations of " +
			"members on (`docspace_invitation_settings`); only the Owner's key handles the DocSpace admin link.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Computed: true, PlanModifiers: keep, Description: "The link's id."},
			"user_type": schema.StringAttribute{Required: true, Validators: []validator.String{stringvalidator.OneOf(linkUserTypes...)},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
				Description:   "The type people who join get: `docspace_admin`, `room_admin` (each takes a paid seat) or `user`. Changing it replaces the link (and its URL)."},
			"expires_at": schema.StringAttribute{Optional: true, Validators: []validator.String{rfc3339Validator()},
				Description: "When the link stops working (RFC 3339, in the future, such as 2027-01-01T00:00:00Z). Unset: never."},
			"max_uses": schema.Int64Attribute{Optional: true, Validators: []validator.Int64{int64validator.AtLeast(1)},
				Description: "How many people may join through the link; it cannot be lower than `uses`. Unset: no limit."},
			"url": schema.StringAttribute{Computed: true, Sensitive: true, PlanModifiers: keep,
				Description: "The URL to share. Sensitive: anyone with it can join. DocSpace signs it for the API key's user, so another key reads another URL for the same link."},
			"uses":    schema.Int64Attribute{Computed: true, Description: "How many people have joined through the link."},
			"expired": schema.BoolAttribute{Computed: true, Description: "Whether `expires_at` has passed."},
		},
	}
}

func (r *invitationLinkResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (r *invitationLinkResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan invitationLinkModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() || !requireClient(r.data, &resp.Diagnostics) {
		return
	}
	t, _ := docspace.ParseUserType(plan.UserType.ValueString())
	client := r.data.client
	link, err := client.CreateInvitationLink(ctx, t, linkLimits(plan))
	if err != nil && strings.Contains(err.Error(), "already exists") {
		resp.Diagnostics.AddAttributeError(path.Root("user_type"), "The portal already has an invitation link for this user type",
			fmt.Sprintf("DocSpace keeps one link per type. To manage the existing one, import it: terraform import docspace_invitation_link.<name> %s", t))
		return
	}
	recordLink(ctx, client, "creating", link, err, plan, &resp.State, &resp.Diagnostics)
}

// recordLink records what a create or update left: the portal's link, checked against the
// plan; nothing when the call failed.
func recordLink(ctx context.Context, client *docspace.Client, doing string, link *docspace.InvitationLink, err error, plan invitationLinkModel, state stateSetter, diags *diag.Diagnostics) {
	what := "the " + plan.UserType.ValueString() + " invitation link"
	if err != nil {
		diags.Append(apiErrorDiagnostic(client.PortalURL(), doing+" "+what, err))
		return
	}
	stored := linkState(link, plan)
	diags.Append(verifyStored(what, plan, stored)...)
	diags.Append(state.Set(ctx, stored)...)
}

func (r *invitationLinkResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state invitationLinkModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !requireClient(r.data, &resp.Diagnostics) {
		return
	}
	t, _ := docspace.ParseUserType(state.UserType.ValueString())
	link, err := r.data.client.InvitationLink(ctx, t)
	switch {
	case err != nil:
		resp.Diagnostics.Append(apiErrorDiagnostic(r.data.client.PortalURL(), "reading the "+t.String()+" invitation link", err))
	case link == nil || !strings.EqualFold(link.ID, state.ID.ValueString()):
		resp.State.RemoveResource(ctx) // deleted (or replaced) outside Terraform, by DocSpace's own answer
	default:
		resp.Diagnostics.Append(resp.State.Set(ctx, linkState(link, state))...)
	}
}

func (r *invitationLinkResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state invitationLinkModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !requireClient(r.data, &resp.Diagnostics) {
		return
	}
	t, _ := docspace.ParseUserType(state.UserType.ValueString())
	client := r.data.client
	link, err := client.UpdateInvitationLink(ctx, state.ID.ValueString(), t, linkLimits(plan))
	recordLink(ctx, client, "updating", link, err, plan, &resp.State, &resp.Diagnostics)
}

func (r *invitationLinkResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state invitationLinkModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !requireClient(r.data, &resp.Diagnostics) {
		return
	}
	if err := r.data.client.DeleteInvitationLink(ctx, state.ID.ValueString()); err != nil && !docspace.IsNotFound(err) {
		resp.Diagnostics.Append(apiErrorDiagnostic(r.data.client.PortalURL(), "deleting the "+state.UserType.ValueString()+" invitation link", err))
	}
}

// ImportState takes the user type (one link per type).
func (r *invitationLinkResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	t, err := docspace.ParseUserType(req.ID)
	if err != nil || t == docspace.TypeGuest {
		resp.Diagnostics.AddError("Invalid import id for docspace_invitation_link",
			fmt.Sprintf("Got %q. Import a link by its user type: %s.", req.ID, strings.Join(linkUserTypes, ", ")))
		return
	}
	if !requireClient(r.data, &resp.Diagnostics) {
		return
	}
	link, err := r.data.client.InvitationLink(ctx, t)
	switch {
	case err != nil:
		resp.Diagnostics.Append(apiErrorDiagnostic(r.data.client.PortalURL(), "importing the "+t.String()+" invitation link", err))
	case link == nil:
		resp.Diagnostics.AddError("No invitation link to import", fmt.Sprintf("The portal has no %s invitation link. Let Terraform create it instead.", t))
	default:
		resp.Diagnostics.Append(resp.State.Set(ctx, linkState(link, invitationLinkModel{UserType: types.StringValue(t.String()), ExpiresAt: types.StringNull()}))...)
	}
}

// linkLimits is what the configuration asks of the link.
func linkLimits(m invitationLinkModel) docspace.InvitationLinkLimits {
	var l docspace.InvitationLinkLimits
	if !m.ExpiresAt.IsNull() {
		l.Expiration, _ = time.Parse(time.RFC3339, m.ExpiresAt.ValueString())
	}
	if !m.MaxUses.IsNull() {
		n := int(m.MaxUses.ValueInt64())
		l.MaxUses = &n
	}
	return l
}

// linkState maps the portal's link onto state, keeping the configured spelling of the
// expiration when it is the same instant (the portal answers in its own time zone).
func linkState(l *docspace.InvitationLink, known invitationLinkModel) invitationLinkModel {
	out := invitationLinkModel{ID: types.StringValue(l.ID), UserType: known.UserType, URL: types.StringValue(l.URL),
		Uses: types.Int64Value(int64(l.Uses)), Expired: types.BoolValue(l.Expired), ExpiresAt: types.StringNull(), MaxUses: types.Int64Null()}
	if !l.Expiration.IsZero() {
		out.ExpiresAt = types.StringValue(l.Expiration.UTC().Format(time.RFC3339))
		if t, err := time.Parse(time.RFC3339, known.ExpiresAt.ValueString()); err == nil && t.Equal(l.Expiration) {
			out.ExpiresAt = known.ExpiresAt
		}
	}
	if l.MaxUses != nil {
		out.MaxUses = types.Int64Value(int64(*l.MaxUses))
	}
	return out
}
