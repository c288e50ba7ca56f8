package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

// The hosting API of a self-hosted server (docspace_space) takes no API key: the provider
// block's `hosting` carries its credentials.

const envMachineKey = "DOCSPACE_MACHINE_KEY" //nolint:gosec // the name of the variable, not a credential

type hostingModel struct {
	MachineKey types.String `tfsdk:"machine_key"`
	Email      types.String `tfsdk:"email"`
	Password   types.String `tfsdk:"password"`
}

func hostingSchema() schema.SingleNestedAttribute {
	return schema.SingleNestedAttribute{
		Optional: true,
		Description: "Credentials for the hosting API of a self-hosted DocSpace server, which `docspace_space` uses to register, " +
			"suspend and remove the server's portals. DocSpace API keys do not work there. Give `machine_key`, or `email` and " +
			"`password` of the Owner or a DocSpace admin of the portal at `portal_url` (a full-access space). Not needed for anything else.",
		Attributes: map[string]schema.Attribute{
			"machine_key": schema.StringAttribute{
				Optional: true, Sensitive: true,
				Description: "The server's `core.machinekey` (APP_CORE_MACHINEKEY in Docker installs), which signs short-lived hosting " +
					"tokens. It is the master secret of the whole installation: keep it in a secret store. Falls back to the `" +
					envMachineKey + "` environment variable.",
				Validators: []validator.String{stringvalidator.ConflictsWith(path.MatchRelative().AtParent().AtName("email"))},
			},
			"email": schema.StringAttribute{
				Optional:    true,
				Description: "Login of the Owner or a DocSpace admin of the portal at `portal_url`. Needs `password`.",
				Validators:  []validator.String{stringvalidator.AlsoRequires(path.MatchRelative().AtParent().AtName("password"))},
			},
			"password": schema.StringAttribute{
				Optional: true, Sensitive: true,
				Description: "That account's password (two-factor authentication must be off for it). Needs `email`.",
				Validators:  []validator.String{stringvalidator.AlsoRequires(path.MatchRelative().AtParent().AtName("email"))},
			},
		},
	}
}

// hostingUnknown says whether the hosting credentials are not known yet (at plan).
func hostingUnknown(ctx context.Context, v types.Object) bool {
	if v.IsUnknown() {
		return true
	}
	if v.IsNull() {
		return false
	}
	var m hostingModel
	if v.As(ctx, &m, objectAsOptions) != nil {
		return false
	}
	return m.MachineKey.IsUnknown() || m.Email.IsUnknown() || m.Password.IsUnknown()
}

// hostingCredentials reads the block, with the machine key's environment fallback.
func hostingCredentials(ctx context.Context, v types.Object) (docspace.HostingCredentials, diag.Diagnostics) {
	var m hostingModel
	var diags diag.Diagnostics
	if !v.IsNull() {
		diags = v.As(ctx, &m, objectAsOptions)
	}
	creds := docspace.HostingCredentials{Email: m.Email.ValueString(), Password: m.Password.ValueString(), MachineKey: m.MachineKey.ValueString()}
	if creds.Email == "" {
		creds.MachineKey = stringOrEnv(m.MachineKey, envMachineKey)
	}
	return creds, diags
}

var objectAsOptions = basetypes.ObjectAsOptions{}
