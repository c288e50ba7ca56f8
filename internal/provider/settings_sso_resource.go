package provider

import (
	"context"
	"reflect"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/resourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

type ssoSettingsModel struct {
	ID                        types.String `tfsdk:"id"`
	Enabled                   types.Bool   `tfsdk:"enabled"`
	IdPEntityID               types.String `tfsdk:"idp_entity_id"`
	IdPSSOURL                 types.String `tfsdk:"idp_sso_url"`
	IdPSSOBinding             types.String `tfsdk:"idp_sso_binding"`
	IdPSLOURL                 types.String `tfsdk:"idp_slo_url"`
	IdPSLOBinding             types.String `tfsdk:"idp_slo_binding"`
	NameIDFormat              types.String `tfsdk:"name_id_format"`
	IdPCertificates           types.List   `tfsdk:"idp_certificates"`
	VerifyAlgorithm           types.String `tfsdk:"verify_algorithm"`
	VerifyAuthResponsesSign   types.Bool   `tfsdk:"verify_auth_responses_sign"`
	VerifyLogoutRequestsSign  types.Bool   `tfsdk:"verify_logout_requests_sign"`
	VerifyLogoutResponsesSign types.Bool   `tfsdk:"verify_logout_responses_sign"`
	DecryptAssertions         types.Bool   `tfsdk:"decrypt_assertions"`
	DecryptAlgorithm          types.String `tfsdk:"decrypt_algorithm"`
	SPCertificate             types.String `tfsdk:"sp_certificate"`
	SPCertificateAction       types.String `tfsdk:"sp_certificate_action"`
	SPPrivateKeyWO            types.String `tfsdk:"sp_private_key_wo"`
	SPPrivateKeyWOVersion     types.Int64  `tfsdk:"sp_private_key_wo_version"`
	SigningAlgorithm          types.String `tfsdk:"signing_algorithm"`
	SignAuthRequests          types.Bool   `tfsdk:"sign_auth_requests"`
	SignLogoutRequests        types.Bool   `tfsdk:"sign_logout_requests"`
	SignLogoutResponses       types.Bool   `tfsdk:"sign_logout_responses"`
	EncryptAssertions         types.Bool   `tfsdk:"encrypt_assertions"`
	EncryptAlgorithm          types.String `tfsdk:"encrypt_algorithm"`
	LoginLabel                types.String `tfsdk:"login_label"`
	FirstNameAttribute        types.String `tfsdk:"first_name_attribute"`
	LastNameAttribute         types.String `tfsdk:"last_name_attribute"`
	EmailAttribute            types.String `tfsdk:"email_attribute"`
	TitleAttribute            types.String `tfsdk:"title_attribute"`
	LocationAttribute         types.String `tfsdk:"location_attribute"`
	PhoneAttribute            types.String `tfsdk:"phone_attribute"`
	HideAuthPage              types.Bool   `tfsdk:"hide_auth_page"`
	NewUsersType              types.String `tfsdk:"new_users_type"`
	DisableEmailVerification  types.Bool   `tfsdk:"disable_email_verification"`
}

// The short names the schema takes for DocSpace's URNs and URIs.
var (
	samlBindings = map[string]string{
		"HTTP-POST": "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST", "HTTP-Redirect": "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"}
	samlSigningAlgorithms = map[string]string{"rsa-sha1": "http://www.w3.org/2000/09/xmldsig#rsa-sha1",
		"rsa-sha256": "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", "rsa-sha512": "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512"}
	samlEncryptionAlgorithms = map[string]string{"aes128-cbc": "http://www.w3.org/2001/04/xmlenc#aes128-cbc",
		"aes256-cbc": "http://www.w3.org/2001/04/xmlenc#aes256-cbc", "tripledes-cbc": "http://www.w3.org/2001/04/xmlenc#tripledes-cbc"}
	ssoUserTypes   = map[string]int{"user": 4, "room_admin": 1, "docspace_admin": 3}
	samlNameIDURNs = []string{"1.1:nameid-format:unspecified", "1.1:nameid-format:emailAddress", "1.1:nameid-format:X509SubjectName",
		"1.1:nameid-format:WindowsDomainQualifiedName", "2.0:nameid-format:entity", "2.0:nameid-format:transient", "2.0:nameid-format:persistent",
		"2.0:nameid-format:encrypted", "2.0:nameid-format:unspecified", "2.0:nameid-format:kerberos"}
)

// shortName is the schema's name for a value DocSpace spells long; the value itself when
// the table does not know it (set in DocSpace to something else).
func shortName(table map[string]string, long string) string {
	for short, l := range table {
		if l == long {
			return short
		}
	}
	return long
}

func keysOf[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

func newSSOSettingsResource() resource.Resource {
	str := func(def, description string, validators ...validator.String) schema.StringAttribute {
		return schema.StringAttribute{Optional: true, Computed: true, Default: stringdefault.StaticString(def), Validators: validators,
			Description: description + " Default `" + def + "`."}
	}
	flag := func(description string) schema.BoolAttribute {
		return schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(false), Description: description + " Default false."}
	}
	oneOf := func(table map[string]string) validator.String { return stringvalidator.OneOf(keysOf(table)...) }
	nameIDs := make([]string, len(samlNameIDURNs))
	for i, n := range samlNameIDURNs {
		nameIDs[i] = "urn:oasis:names:tc:SAML:" + n
	}
	//nolint:gosec // attribute names such as sp_private_key_wo, not credentials
	return &settingResource[ssoSettingsModel, docspace.SSOSettings]{spec: settingSpec[ssoSettingsModel, docspace.SSOSettings]{
		name: "sso_settings",
		description: "SAML single sign-on: the identity provider people sign in with, what the portal checks of its messages, the " +
			"portal's own (SP) certificate and which SAML attributes fill a profile. Switching SSO off (or destroying this " +
			"resource) unlinks every account that signed in through SSO, on DocSpace's side and for good. DocSpace Cloud needs a " +
			"plan with SSO (a warning at plan, refused at apply); a self-hosted server always has it. The SP private key is " +
			"write-only (Terraform 1.11+, OpenTofu 1.11+) and sent with every save; DocSpace returns it in clear, and the provider " +
			"never keeps it. Give the identity provider `<portal_url>/sso/metadata` (the portal's SAML metadata). Every apply that " +
			"changes it sends the whole setting (DocSpace replaces it whole); destroying it restores DocSpace's default (SSO off).",
		attributes: map[string]schema.Attribute{
			"enabled":         schema.BoolAttribute{Required: true, Description: "Whether people can sign in through the identity provider."},
			"idp_entity_id":   schema.StringAttribute{Required: true, Validators: []validator.String{stringvalidator.LengthAtLeast(1)}, Description: "The identity provider's entity ID."},
			"idp_sso_url":     schema.StringAttribute{Required: true, Validators: []validator.String{absoluteURLValidator()}, Description: "The identity provider's sign-in URL (http or https)."},
			"idp_sso_binding": str("HTTP-POST", "How the portal sends sign-in requests: `HTTP-POST` or `HTTP-Redirect`.", oneOf(samlBindings)),
			"idp_slo_url": schema.StringAttribute{Optional: true, Validators: []validator.String{absoluteURLValidator()},
				Description: "The identity provider's sign-out URL; unset for none."},
			"idp_slo_binding": str("HTTP-POST", "How the portal sends sign-out requests: `HTTP-POST` or `HTTP-Redirect`.", oneOf(samlBindings)),
			"name_id_format":  str("urn:oasis:names:tc:SAML:2.0:nameid-format:transient", "The NameID format the portal asks for, a SAML URN.", stringvalidator.OneOf(nameIDs...)),
			"idp_certificates": schema.ListAttribute{Optional: true, ElementType: types.StringType,
				Validators:  []validator.List{listvalidator.ValueStringsAre(pemCertificateValidator())},
				Description: "The identity provider's signing certificates (PEM), used to verify its messages."},
			"verify_algorithm":             str("rsa-sha1", "The signature algorithm expected from the identity provider: `rsa-sha1`, `rsa-sha256` or `rsa-sha512`.", oneOf(samlSigningAlgorithms)),
			"verify_auth_responses_sign":   flag("Require signed sign-in responses."),
			"verify_logout_requests_sign":  flag("Require signed sign-out requests."),
			"verify_logout_responses_sign": flag("Require signed sign-out responses."),
			"decrypt_assertions":           flag("Expect encrypted assertions (decrypted with the SP key)."),
			"decrypt_algorithm":            str("aes128-cbc", "The assertion encryption: `aes128-cbc`, `aes256-cbc` or `tripledes-cbc`.", oneOf(samlEncryptionAlgorithms)),
			"sp_certificate": schema.StringAttribute{Optional: true, Validators: []validator.String{pemCertificateValidator()},
				Description: "The portal's own certificate (PEM) for signing and decryption; needs `sp_private_key_wo`."},
			"sp_certificate_action": str("signing and encrypt", "What the SP certificate is for: `signing`, `encrypt` or `signing and encrypt`.",
				stringvalidator.OneOf("signing", "encrypt", "signing and encrypt")),
			"sp_private_key_wo": schema.StringAttribute{Optional: true, Sensitive: true, WriteOnly: true,
				Description: "The SP certificate's private key (PEM; write-only: never in plan or state). Sent with every save, so keep it in the configuration while `sp_certificate` is set."},
			"sp_private_key_wo_version": schema.Int64Attribute{Optional: true,
				Description: "Change this number when the private key changes: Terraform cannot see a write-only value change."},
			"signing_algorithm":     str("rsa-sha1", "The portal's signature algorithm: `rsa-sha1`, `rsa-sha256` or `rsa-sha512`.", oneOf(samlSigningAlgorithms)),
			"sign_auth_requests":    flag("Sign sign-in requests."),
			"sign_logout_requests":  flag("Sign sign-out requests."),
			"sign_logout_responses": flag("Sign sign-out responses."),
			"encrypt_assertions":    flag("Encrypt assertions."),
			"encrypt_algorithm":     str("aes128-cbc", "The portal's encryption: `aes128-cbc`, `aes256-cbc` or `tripledes-cbc`.", oneOf(samlEncryptionAlgorithms)),
			"login_label": str("Single Sign-on", "The sign-in button's label, at most 100 characters.",
				stringvalidator.LengthBetween(1, 100)),
			"first_name_attribute": str("givenName", "The SAML attribute with the first name.", stringvalidator.LengthAtLeast(1)),
			"last_name_attribute":  str("sn", "The SAML attribute with the last name.", stringvalidator.LengthAtLeast(1)),
			"email_attribute":      str("mail", "The SAML attribute with the e-mail address.", stringvalidator.LengthAtLeast(1)),
			"title_attribute":      str("title", "The SAML attribute with the job title."),
			"location_attribute":   str("l", "The SAML attribute with the location."),
			"phone_attribute":      str("mobile", "The SAML attribute with the phone number."),
			"hide_auth_page":       flag("Hide the portal's own sign-in form, so people sign in through SSO only (keep an admin who can sign in through SSO)."),
			"new_users_type": str("user", "What people who sign in through SSO for the first time become: `user`, `room_admin` or `docspace_admin`.",
				stringvalidator.OneOf(keysOf(ssoUserTypes)...)),
			"disable_email_verification": flag("Activate accounts made through SSO without e-mail verification."),
		},
		read:      (*docspace.Client).SSOSettings,
		write:     (*docspace.Client).SetSSOSettings,
		reset:     (*docspace.Client).ResetSSOSettings,
		toModel:   ssoModel,
		fromModel: ssoFromModel,
		equal: func(a, b docspace.SSOSettings) bool {
			return reflect.DeepEqual(withoutSSOKeys(a), withoutSSOKeys(b))
		},
		available:        ssoAvailable,
		configValidators: ssoConfigValidators(),
		secret:           "sp_private_key_wo",
		withSecret:       withSSOKey,
	}}
}

func ssoFromModel(ctx context.Context, m ssoSettingsModel) (docspace.SSOSettings, diag.Diagnostics) {
	var diags diag.Diagnostics
	s := docspace.SSOSettings{
		Enabled: m.Enabled.ValueBool(),
		IdP: docspace.SSOIdP{EntityID: m.IdPEntityID.ValueString(), SSOURL: m.IdPSSOURL.ValueString(), SSOBinding: samlBindings[m.IdPSSOBinding.ValueString()],
			SLOURL: m.IdPSLOURL.ValueString(), SLOBinding: samlBindings[m.IdPSLOBinding.ValueString()], NameIDFormat: m.NameIDFormat.ValueString()},
		IdPCertificates: []docspace.SSOCertificate{},
		IdPAdvanced: docspace.SSOIdPAdvanced{VerifyAlgorithm: samlSigningAlgorithms[m.VerifyAlgorithm.ValueString()], VerifyAuthResponsesSign: m.VerifyAuthResponsesSign.ValueBool(),
			VerifyLogoutRequestsSign: m.VerifyLogoutRequestsSign.ValueBool(), VerifyLogoutResponsesSign: m.VerifyLogoutResponsesSign.ValueBool(),
			DecryptAlgorithm: samlEncryptionAlgorithms[m.DecryptAlgorithm.ValueString()], DecryptAssertions: m.DecryptAssertions.ValueBool()},
		LoginLabel:     m.LoginLabel.ValueString(),
		SPCertificates: []docspace.SSOCertificate{},
		SPAdvanced: docspace.SSOSPAdvanced{SigningAlgorithm: samlSigningAlgorithms[m.SigningAlgorithm.ValueString()], SignAuthRequests: m.SignAuthRequests.ValueBool(),
			SignLogoutRequests: m.SignLogoutRequests.ValueBool(), SignLogoutResponses: m.SignLogoutResponses.ValueBool(),
			EncryptAlgorithm: samlEncryptionAlgorithms[m.EncryptAlgorithm.ValueString()], DecryptAlgorithm: samlEncryptionAlgorithms[m.DecryptAlgorithm.ValueString()],
			EncryptAssertions: m.EncryptAssertions.ValueBool()},
		FieldMapping: docspace.SSOFieldMapping{FirstName: m.FirstNameAttribute.ValueString(), LastName: m.LastNameAttribute.ValueString(), Email: m.EmailAttribute.ValueString(),
			Title: m.TitleAttribute.ValueString(), Location: m.LocationAttribute.ValueString(), Phone: m.PhoneAttribute.ValueString()},
		HideAuthPage: m.HideAuthPage.ValueBool(), UsersType: ssoUserTypes[m.NewUsersType.ValueString()], DisableEmailVerification: m.DisableEmailVerification.ValueBool(),
	}
	var certs []string
	if !m.IdPCertificates.IsNull() && !m.IdPCertificates.IsUnknown() {
		diags.Append(m.IdPCertificates.ElementsAs(ctx, &certs, false)...)
	}
	for _, c := range certs {
		s.IdPCertificates = append(s.IdPCertificates, docspace.SSOCertificate{Crt: c, Action: "verification"})
	}
	if crt := m.SPCertificate.ValueString(); crt != "" {
		s.SPCertificates = append(s.SPCertificates, docspace.SSOCertificate{Crt: crt, Action: m.SPCertificateAction.ValueString()})
	}
	return s, diags
}

// ssoModel maps the portal's settings onto the model; known keeps the key's version.
func ssoModel(s docspace.SSOSettings, known *ssoSettingsModel) ssoSettingsModel {
	m := ssoSettingsModel{ID: types.StringValue(settingID), Enabled: types.BoolValue(s.Enabled),
		IdPEntityID: types.StringValue(s.IdP.EntityID), IdPSSOURL: types.StringValue(s.IdP.SSOURL), IdPSSOBinding: types.StringValue(shortName(samlBindings, s.IdP.SSOBinding)),
		IdPSLOURL: nullIfEmpty(s.IdP.SLOURL), IdPSLOBinding: types.StringValue(shortName(samlBindings, s.IdP.SLOBinding)), NameIDFormat: types.StringValue(s.IdP.NameIDFormat),
		IdPCertificates: types.ListNull(types.StringType), VerifyAlgorithm: types.StringValue(shortName(samlSigningAlgorithms, s.IdPAdvanced.VerifyAlgorithm)),
		VerifyAuthResponsesSign: types.BoolValue(s.IdPAdvanced.VerifyAuthResponsesSign), VerifyLogoutRequestsSign: types.BoolValue(s.IdPAdvanced.VerifyLogoutRequestsSign),
		VerifyLogoutResponsesSign: types.BoolValue(s.IdPAdvanced.VerifyLogoutResponsesSign), DecryptAssertions: types.BoolValue(s.IdPAdvanced.DecryptAssertions),
		DecryptAlgorithm: types.StringValue(shortName(samlEncryptionAlgorithms, s.IdPAdvanced.DecryptAlgorithm)),
		SPCertificate:    types.StringNull(), SPCertificateAction: types.StringValue("signing and encrypt"), SPPrivateKeyWO: types.StringNull(), SPPrivateKeyWOVersion: types.Int64Null(),
		SigningAlgorithm: types.StringValue(shortName(samlSigningAlgorithms, s.SPAdvanced.SigningAlgorithm)), SignAuthRequests: types.BoolValue(s.SPAdvanced.SignAuthRequests),
		SignLogoutRequests: types.BoolValue(s.SPAdvanced.SignLogoutRequests), SignLogoutResponses: types.BoolValue(s.SPAdvanced.SignLogoutResponses),
		EncryptAssertions: types.BoolValue(s.SPAdvanced.EncryptAssertions), EncryptAlgorithm: types.StringValue(shortName(samlEncryptionAlgorithms, s.SPAdvanced.EncryptAlgorithm)),
		LoginLabel: types.StringValue(s.LoginLabel), FirstNameAttribute: types.StringValue(s.FieldMapping.FirstName), LastNameAttribute: types.StringValue(s.FieldMapping.LastName),
		EmailAttribute: types.StringValue(s.FieldMapping.Email), TitleAttribute: types.StringValue(s.FieldMapping.Title), LocationAttribute: types.StringValue(s.FieldMapping.Location),
		PhoneAttribute: types.StringValue(s.FieldMapping.Phone), HideAuthPage: types.BoolValue(s.HideAuthPage), NewUsersType: types.StringValue("user"),
		DisableEmailVerification: types.BoolValue(s.DisableEmailVerification),
	}
	for name, n := range ssoUserTypes {
		if n == s.UsersType {
			m.NewUsersType = types.StringValue(name)
		}
	}
	if len(s.IdPCertificates) > 0 {
		certs := make([]string, len(s.IdPCertificates))
		for i, c := range s.IdPCertificates {
			certs[i] = c.Crt
		}
		m.IdPCertificates = stringList(certs)
	}
	if len(s.SPCertificates) > 0 {
		m.SPCertificate, m.SPCertificateAction = types.StringValue(s.SPCertificates[0].Crt), types.StringValue(s.SPCertificates[0].Action)
	}
	if known != nil {
		m.SPPrivateKeyWOVersion = known.SPPrivateKeyWOVersion
	}
	return m
}

func withoutSSOKeys(s docspace.SSOSettings) docspace.SSOSettings {
	s.SPCertificates = append([]docspace.SSOCertificate(nil), s.SPCertificates...)
	for i := range s.SPCertificates {
		s.SPCertificates[i].Key = ""
	}
	if len(s.SPCertificates) > 1 {
		s.SPCertificates = s.SPCertificates[:1]
	}
	return s
}

func withSSOKey(s docspace.SSOSettings, key string) docspace.SSOSettings {
	s.SPCertificates = append([]docspace.SSOCertificate(nil), s.SPCertificates...)
	for i := range s.SPCertificates {
		s.SPCertificates[i].Key = key
	}
	return s
}

// ssoAvailable refuses SSO on a plan without it, in words.
func ssoAvailable(ctx context.Context, c *docspace.Client) diag.Diagnostics {
	_, err := c.SSOSettings(ctx)
	return planFeatureRefusal(c, err, "Single sign-on", "SSO", "docspace_sso_settings")
}

func ssoConfigValidators() []resource.ConfigValidator {
	return []resource.ConfigValidator{resourcevalidator.RequiredTogether(path.MatchRoot("sp_certificate"), path.MatchRoot("sp_private_key_wo"))}
}
