package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/function"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

var _ function.Function = (*roomURLFunction)(nil)

func newRoomURLFunction() function.Function { return &roomURLFunction{} }

// roomURLFunction builds a room's address in DocSpace's web interface, for outputs,
// notifications and links in other systems.
type roomURLFunction struct{}

func (f *roomURLFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "room_url"
}

func (f *roomURLFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "A room's address in DocSpace's web interface",
		MarkdownDescription: "Returns the address that opens a room in DocSpace's web interface " +
			"(`<portal_url>/rooms/shared/<id>/filter?folder=<id>`), for outputs and links in other systems. The portal URL " +
			"is normalised as the provider's `portal_url` is (trailing slashes dropped, a path prefix kept).",
		Parameters: []function.Parameter{
			function.StringParameter{Name: "portal_url", MarkdownDescription: "The portal's root URL, as in the provider's `portal_url`."},
			function.Int64Parameter{Name: "room_id", MarkdownDescription: "The room's id (`docspace_room`'s `id`)."},
		},
		Return: function.StringReturn{},
	}
}

func (f *roomURLFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var portal string
	var id int64
	resp.Error = function.ConcatFuncErrors(resp.Error, req.Arguments.Get(ctx, &portal, &id))
	if resp.Error != nil {
		return
	}
	normalized, err := docspace.NormalizePortalURL(portal)
	if err != nil {
		resp.Error = function.NewArgumentFuncError(0, "portal_url "+err.Error()+".")
		return
	}
	if id <= 0 {
		resp.Error = function.NewArgumentFuncError(1, "room_id must be a room's id, a positive number.")
		return
	}
	resp.Error = function.ConcatFuncErrors(resp.Error, resp.Result.Set(ctx, docspace.RoomURL(normalized, id)))
}
