package provider

import (
	"context"
	"fmt"
	"reflect"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/resourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

type ldapSettingsModel struct {
	ID                       types.String `tfsdk:"id"`
	Enabled                  types.Bool   `tfsdk:"enabled"`
	Server                   types.String `tfsdk:"server"`
	Port                     types.Int64  `tfsdk:"port"`
	StartTLS                 types.Bool   `tfsdk:"start_tls"`
	SSL                      types.Bool   `tfsdk:"ssl"`
	UserDN                   types.String `tfsdk:"user_dn"`
	UserFilter               types.String `tfsdk:"user_filter"`
	LoginAttribute           types.String `tfsdk:"login_attribute"`
	FirstNameAttribute       types.String `tfsdk:"first_name_attribute"`
	LastNameAttribute        types.String `tfsdk:"last_name_attribute"`
	MailAttribute            types.String `tfsdk:"mail_attribute"`
	TitleAttribute           types.String `tfsdk:"title_attribute"`
	MobilePhoneAttribute     types.String `tfsdk:"mobile_phone_attribute"`
	LocationAttribute        types.String `tfsdk:"location_attribute"`
	GroupMembership          types.Bool   `tfsdk:"group_membership"`
	GroupDN                  types.String `tfsdk:"group_dn"`
	GroupFilter              types.String `tfsdk:"group_filter"`
	UserAttribute            types.String `tfsdk:"user_attribute"`
	GroupAttribute           types.String `tfsdk:"group_attribute"`
	GroupNameAttribute       types.String `tfsdk:"group_name_attribute"`
	Authentication           types.Bool   `tfsdk:"authentication"`
	Login                    types.String `tfsdk:"login"`
	PasswordWO               types.String `tfsdk:"password_wo"`
	PasswordWOVersion        types.Int64  `tfsdk:"password_wo_version"`
	SendWelcomeEmail         types.Bool   `tfsdk:"send_welcome_email"`
	DisableEmailVerification types.Bool   `tfsdk:"disable_email_verification"`
	NewUsersType             types.String `tfsdk:"new_users_type"`
	AutoSyncCron             types.String `tfsdk:"auto_sync_cron"`
}

// ldapUserTypes are DocSpace's names for the type imported people get.
var ldapUserTypes = map[string]string{"user": "User", "room_admin": "RoomAdmin", "docspace_admin": "DocSpaceAdmin"}

func newLDAPSettingsResource() resource.Resource {
	str := func(def, description string) schema.StringAttribute {
		return schema.StringAttribute{Optional: true, Computed: true, Default: stringdefault.StaticString(def),
			Description: description + " Default `" + def + "`."}
	}
	flag := func(def bool, description string) schema.BoolAttribute {
		d := "false"
		if def {
			d = "true"
		}
		return schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(def), Description: description + " Default " + d + "."}
	}
	return &settingResource[ldapSettingsModel, docspace.LDAPSettings]{spec: settingSpec[ldapSettingsModel, docspace.LDAPSettings]{
		name: "ldap_settings",
		description: "Sign-in and directory sync with an LDAP server (OpenLDAP, Active Directory): where the people are, how they sign " +
			"in, which attributes fill a profile, and whether groups come along. DocSpace saves the settings in a job that first " +
			"connects to the server: a wrong host, DN, filter or bind password fails the apply with the server's words, and nothing " +
			"is saved. The bind password is write-only (Terraform 1.11+, OpenTofu 1.11+) and sent with every save (DocSpace needs it " +
			"on each one). Sync now with the action `docspace_ldap_sync`, or on a schedule with `auto_sync_cron`. DocSpace Cloud " +
			"needs a plan with LDAP. Switching LDAP off (or destroying this resource) keeps every imported person as an ordinary " +
			"account. Import with `portal`.",
		attributes: map[string]schema.Attribute{
			"enabled":                schema.BoolAttribute{Required: true, Description: "Whether people sign in with their directory accounts."},
			"server":                 schema.StringAttribute{Required: true, Validators: []validator.String{stringvalidator.LengthAtLeast(1)}, Description: "The LDAP server's host name or address (no `ldap://`)."},
			"port":                   schema.Int64Attribute{Optional: true, Computed: true, Default: int64default.StaticInt64(389), Validators: []validator.Int64{int64validator.Between(1, 65535)}, Description: "The server's port: 389, or 636 for LDAPS. Default 389."},
			"start_tls":              flag(false, "Upgrade the connection with StartTLS."),
			"ssl":                    flag(false, "Connect with LDAPS (TLS from the start)."),
			"user_dn":                schema.StringAttribute{Required: true, Validators: []validator.String{stringvalidator.LengthAtLeast(1)}, Description: "Where the people are, such as `ou=people,dc=example,dc=com`."},
			"user_filter":            str("(uid=*)", "Which entries below `user_dn` are people, an LDAP filter."),
			"login_attribute":        str("uid", "The attribute people sign in with."),
			"first_name_attribute":   str("givenName", "The attribute with the first name."),
			"last_name_attribute":    str("sn", "The attribute with the last name."),
			"mail_attribute":         str("mail", "The attribute with the e-mail address."),
			"title_attribute":        str("title", "The attribute with the job title."),
			"mobile_phone_attribute": str("mobile", "The attribute with the mobile phone."),
			"location_attribute":     str("street", "The attribute with the location."),
			"group_membership":       flag(false, "Import groups and their members too."),
			"group_dn":               schema.StringAttribute{Optional: true, Description: "Where the groups are; needed with `group_membership`."},
			"group_filter":           str("(objectClass=posixGroup)", "Which entries below `group_dn` are groups."),
			"user_attribute":         str("uid", "The person's attribute that group entries list."),
			"group_attribute":        str("memberUid", "The group's attribute that lists its members."),
			"group_name_attribute":   str("cn", "The group's attribute with its name."),
			"authentication":         flag(true, "Bind with `login` and `password_wo` (most servers need it)."),
			"login":                  schema.StringAttribute{Optional: true, Description: "The bind DN or user, with `authentication`."},
			"password_wo": schema.StringAttribute{Optional: true, Sensitive: true, WriteOnly: true,
				Description: "The bind password (write-only: never in plan or state). DocSpace needs it on every save, so keep it in the configuration while `authentication` is on."},
			"password_wo_version": schema.Int64Attribute{Optional: true,
				Description: "Change this number when the bind password changes: Terraform cannot see a write-only value change."},
			"send_welcome_email":         flag(false, "E-mail imported people a welcome message (needs `mail_attribute`)."),
			"disable_email_verification": flag(false, "Activate imported accounts without e-mail verification."),
			"new_users_type": schema.StringAttribute{Optional: true, Computed: true, Default: stringdefault.StaticString("user"),
				Validators:  []validator.String{stringvalidator.OneOf(keysOf(ldapUserTypes)...)},
				Description: "What imported people become: `user`, `room_admin` or `docspace_admin`. DocSpace never reports it, so drift cannot show. Default `user`."},
			"auto_sync_cron": schema.StringAttribute{Optional: true, Validators: []validator.String{quartzCronValidator()},
				Description: "Sync automatically on this Quartz schedule (seconds first, 6 or 7 fields, `?` for the unused day field), such as `0 0 3 * * ?` for 03:00 daily. Unset: no automatic sync."},
		},
		read:  (*docspace.Client).LDAPSettings,
		write: (*docspace.Client).SetLDAPSettings,
		reset: (*docspace.Client).DisableLDAP,
		toModel: func(s docspace.LDAPSettings, known *ldapSettingsModel) ldapSettingsModel {
			m := ldapSettingsModel{ID: types.StringValue(settingID), Enabled: types.BoolValue(s.Enabled), Server: types.StringValue(s.Server),
				Port: types.Int64Value(int64(s.Port)), StartTLS: types.BoolValue(s.StartTLS), SSL: types.BoolValue(s.SSL), UserDN: types.StringValue(s.UserDN),
				UserFilter: types.StringValue(s.UserFilter), LoginAttribute: types.StringValue(s.LoginAttribute),
				FirstNameAttribute: types.StringValue(s.Mapping["FirstNameAttribute"]), LastNameAttribute: types.StringValue(s.Mapping["SecondNameAttribute"]),
				MailAttribute: types.StringValue(s.Mapping["MailAttribute"]), TitleAttribute: types.StringValue(s.Mapping["TitleAttribute"]),
				MobilePhoneAttribute: types.StringValue(s.Mapping["MobilePhoneAttribute"]), LocationAttribute: types.StringValue(s.Mapping["LocationAttribute"]),
				GroupMembership: types.BoolValue(s.GroupMembership), GroupDN: nullIfEmpty(s.GroupDN), GroupFilter: types.StringValue(s.GroupFilter),
				UserAttribute: types.StringValue(s.UserAttribute), GroupAttribute: types.StringValue(s.GroupAttribute), GroupNameAttribute: types.StringValue(s.GroupNameAttribute),
				Authentication: types.BoolValue(s.Authentication), Login: nullIfEmpty(s.Login), PasswordWO: types.StringNull(), PasswordWOVersion: types.Int64Null(),
				SendWelcomeEmail: types.BoolValue(s.SendWelcomeEmail), DisableEmailVerification: types.BoolValue(s.DisableEmailVerification),
				NewUsersType: types.StringValue("user"), AutoSyncCron: nullIfEmpty(s.AutoSyncCron)}
			if known != nil {
				m.PasswordWOVersion, m.NewUsersType = known.PasswordWOVersion, known.NewUsersType
			}
			return m
		},
		fromModel: func(_ context.Context, m ldapSettingsModel) (docspace.LDAPSettings, diag.Diagnostics) {
			return docspace.LDAPSettings{Enabled: m.Enabled.ValueBool(), Server: m.Server.ValueString(), Port: int(m.Port.ValueInt64()),
				StartTLS: m.StartTLS.ValueBool(), SSL: m.SSL.ValueBool(), UserDN: m.UserDN.ValueString(), UserFilter: m.UserFilter.ValueString(),
				LoginAttribute: m.LoginAttribute.ValueString(), Mapping: map[string]string{"FirstNameAttribute": m.FirstNameAttribute.ValueString(),
					"SecondNameAttribute": m.LastNameAttribute.ValueString(), "MailAttribute": m.MailAttribute.ValueString(), "TitleAttribute": m.TitleAttribute.ValueString(),
					"MobilePhoneAttribute": m.MobilePhoneAttribute.ValueString(), "LocationAttribute": m.LocationAttribute.ValueString()},
				GroupMembership: m.GroupMembership.ValueBool(), GroupDN: m.GroupDN.ValueString(), GroupFilter: m.GroupFilter.ValueString(),
				UserAttribute: m.UserAttribute.ValueString(), GroupAttribute: m.GroupAttribute.ValueString(), GroupNameAttribute: m.GroupNameAttribute.ValueString(),
				Authentication: m.Authentication.ValueBool(), Login: m.Login.ValueString(), SendWelcomeEmail: m.SendWelcomeEmail.ValueBool(),
				DisableEmailVerification: m.DisableEmailVerification.ValueBool(), UsersType: ldapUserTypes[m.NewUsersType.ValueString()],
				AutoSyncCron: m.AutoSyncCron.ValueString()}, nil
		},
		// The password and the users' type are never read back.
		equal: func(a, b docspace.LDAPSettings) bool {
			a.Password, b.Password, a.UsersType, b.UsersType = "", "", "", ""
			return reflect.DeepEqual(a, b)
		},
		available: func(ctx context.Context, c *docspace.Client) diag.Diagnostics {
			_, err := c.LDAPSettings(ctx)
			return planFeatureRefusal(c, err, "LDAP", "LDAP", "docspace_ldap_settings")
		},
		secret:     "password_wo",
		withSecret: func(s docspace.LDAPSettings, password string) docspace.LDAPSettings { s.Password = password; return s },
		configValidators: []resource.ConfigValidator{
			resourcevalidator.RequiredTogether(path.MatchRoot("login"), path.MatchRoot("password_wo")),
		},
	}}
}

// quartzCronValidator checks the shape DocSpace parses: 6 or 7 space-separated fields.
func quartzCronValidator() validator.String {
	return stringCheck{
		description: "must be a Quartz cron expression: 6 or 7 fields, seconds first",
		summary:     "Invalid auto_sync_cron",
		check: func(s string) error {
			if n := len(strings.Fields(s)); n < 6 || n > 7 {
				return fmt.Errorf("%q has %d fields; DocSpace takes a Quartz expression of 6 or 7 (seconds first, `?` for the unused day field), such as \"0 0 3 * * ?\"", s, n)
			}
			return nil
		},
	}
}
