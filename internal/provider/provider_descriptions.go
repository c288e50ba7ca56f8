package provider

import (
	"strings"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

// Schema descriptions used by more than one resource, action or data source, so the same
// thing is always explained in the same words. Each schema appends what a change of the
// value does to it ("Changing it purges again.").

var (
	roomTypeDescription = "Type of the room: `custom`, `collaboration` (editing together), `public` (shared by an external link), " +
		"`form_filling` or `virtual_data` (virtual data room)."

	roomTitleDescription = "Title of the room, 1 to 170 characters after trimming. DocSpace replaces the characters " +
		"`* + : \" < > ? | \\ /` (and tabs, and each half of an emoji) with `_`; the configured spelling is kept in state."

	roomAccessDescription = "Access level: " + quotedList(docspace.RoomAccessNames()) + ". Which levels a room allows " +
		"depends on its type (a `public` room takes only `room_manager` and `content_creator`, say); groups can never be " +
		"`room_manager`, nor can users of the User or Guest type. The plan checks both when the room's type is known."

	roomNotifyDescription = "E-mail the members DocSpace adds (not those whose access only changes). Default false."
)

// quotedList is names as `a`, `b` or `c`.
func quotedList(names []string) string {
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = "`" + n + "`"
	}
	if len(quoted) == 1 {
		return quoted[0]
	}
	return strings.Join(quoted[:len(quoted)-1], ", ") + " or " + quoted[len(quoted)-1]
}

var (
	userTypeDescription = "Type of the account: `docspace_admin` (manages the whole portal; the Owner reads as one), " +
		"`room_admin` (creates and manages rooms; takes a paid seat), `user` (works in the rooms they are invited to) or " +
		"`guest` (an outsider invited to rooms)."

	userStatusDescription = "`active`, `pending` (invited, the invitation not accepted yet) or `disabled`."

	userIDDescription = "User id (a GUID, as in the account's profile URL)."

	groupIDDescription = "Group id (a GUID)."

	groupManagerDescription = "Id of the group's manager (a GUID). The manager is always also a member."
)

var (
	settingIDDescription = "Always `portal`: a portal has one of this setting. Also the import id."

	// settingResetDescription ends each settings resource's description.
	settingResetDescription = " Creating it adopts the portal's setting and writes only what differs; an unchanged " +
		"configuration writes nothing. Destroying it restores DocSpace's default"
)
