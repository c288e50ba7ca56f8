package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

// Giving users and groups access to rooms, shared by docspace_room_member (one subject)
// and docspace_room_members (the whole list): plan-time checks against the room's type,
// one PUT share per apply, and a check of what DocSpace really did, since it skips
// subjects it cannot apply without a word.

// roomGrant is one subject's planned access to a room.
type roomGrant struct {
	subject string
	group   bool
	access  docspace.RoomAccess
	// at is the attribute that set it, for diagnostics.
	at path.Path
}

func (g roomGrant) describe() string {
	if g.group {
		return "group " + g.subject
	}
	return "user " + g.subject
}

// newRoomGrant reads a user_id / group_id / access triple; exactly one id is set (the
// schema's validators ensure it).
func newRoomGrant(userID, groupID, access types.String, at path.Path) (roomGrant, diag.Diagnostics) {
	var diags diag.Diagnostics
	g := roomGrant{subject: strings.ToLower(userID.ValueString()), at: at}
	if !groupID.IsNull() {
		g.subject, g.group = strings.ToLower(groupID.ValueString()), true
	}
	level, err := docspace.ParseRoomAccess(access.ValueString())
	if err != nil {
		diags.AddAttributeError(at.AtName("access"), "Invalid access level", err.Error())
	}
	g.access = level
	return g, diags
}

// checkGrantsAgainstRoomType refuses at plan what DocSpace would refuse at apply (403 "The
// role is not available"): levels the room's type does not allow, and groups as room
// managers. It reads the room only when its id is known and the provider configured;
// otherwise the apply reports it.
func checkGrantsAgainstRoomType(ctx context.Context, data *providerData, roomID types.Int64, grants []roomGrant) diag.Diagnostics {
	var diags diag.Diagnostics
	for _, g := range grants {
		if g.group && g.access == docspace.AccessRoomManager {
			diags.AddAttributeError(g.at.AtName("access"), "A group cannot be a room manager",
				fmt.Sprintf("DocSpace makes only users room managers. Give %s another level (%s), or make its members room managers one by one.",
					g.describe(), strings.Join(docspace.AllowedAccessNames(docspace.CustomRoom, true), ", ")))
		}
	}
	if diags.HasError() || roomID.IsUnknown() || roomID.IsNull() || data == nil || data.client == nil {
		return diags
	}
	room, err := data.client.Room(ctx, int(roomID.ValueInt64()))
	if err != nil {
		return diags // the apply reports an unreachable or missing room with its own diagnostic
	}
	for _, g := range grants {
		if !docspace.AccessAllowed(room.Type, g.access, g.group) {
			kind := "users"
			if g.group {
				kind = "groups"
			}
			diags.AddAttributeError(g.at.AtName("access"), fmt.Sprintf("A %s room does not take %s", room.Type, g.access),
				fmt.Sprintf("Room %d (%q) is of type %s, which gives %s one of: %s. Choose one of those for %s.",
					room.ID, room.Title, room.Type, kind, strings.Join(docspace.AllowedAccessNames(room.Type, g.group), ", "), g.describe()))
		}
	}
	return diags
}

// applyRoomGrants sends the grants and revocations in one call and checks that every
// grant took: DocSpace answers 200 even for subjects it skipped.
func applyRoomGrants(ctx context.Context, client *docspace.Client, roomID int, grants []roomGrant, revoke []string, notify bool) diag.Diagnostics {
	var diags diag.Diagnostics
	changes := make([]docspace.AccessChange, 0, len(grants)+len(revoke))
	for _, g := range grants {
		changes = append(changes, docspace.AccessChange{SubjectID: g.subject, Access: g.access})
	}
	for _, id := range revoke {
		changes = append(changes, docspace.AccessChange{SubjectID: id, Access: docspace.AccessNone})
	}
	if len(changes) == 0 {
		return diags
	}
	result, err := client.SetRoomAccess(ctx, roomID, changes, notify)
	if len(grants) == 0 && docspace.IsNotFound(err) {
		return diags // a deleted room has no members left to revoke
	}
	if err != nil {
		diags.Append(apiErrorDiagnostic(client.PortalURL(), fmt.Sprintf("setting access to room %d", roomID), err))
		return diags
	}
	got := map[string]docspace.RoomAccess{}
	for _, m := range result {
		got[strings.ToLower(m.SubjectID)] = m.Access
	}
	for _, g := range grants {
		if access, ok := got[g.subject]; !ok || access != g.access {
			diags.AddAttributeError(g.at, fmt.Sprintf("DocSpace did not give %s access to room %d", g.describe(), roomID),
				fmt.Sprintf("The portal answered without error but %s is not a member with %s access (it skips, without a word, "+
					"disabled or removed users and groups, and users the API key's user may not see, such as a guest another room "+
					"admin invited). Check that %s exists and is active, or use the key of a DocSpace admin.", g.describe(), g.access, g.subject))
		}
	}
	return diags
}

// roomMembersOrGone lists a room's members; found is false when the room is gone.
func roomMembersOrGone(ctx context.Context, client *docspace.Client, roomID int, diags *diag.Diagnostics) ([]docspace.RoomMember, bool) {
	members, err := client.RoomMembers(ctx, roomID)
	if docspace.IsNotFound(err) {
		return nil, false
	}
	if err != nil {
		diags.Append(apiErrorDiagnostic(client.PortalURL(), fmt.Sprintf("reading who has access to room %d", roomID), err))
		return nil, false
	}
	return members, true
}

// findRoomMember finds a subject among a room's members; the owner's entry is not a member.
func findRoomMember(members []docspace.RoomMember, subject string) (docspace.RoomMember, bool) {
	for _, m := range members {
		if !m.Owner && strings.EqualFold(m.SubjectID, subject) {
			return m, true
		}
	}
	return docspace.RoomMember{}, false
}

// subjectIDs is a room member's id as user_id or group_id attributes.
func subjectIDs(m docspace.RoomMember) (userID, groupID types.String) {
	if m.Group {
		return types.StringNull(), types.StringValue(m.SubjectID)
	}
	return types.StringValue(m.SubjectID), types.StringNull()
}
