package docspace

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// RoomType is DocSpace's room type enum, sent and received as a number.
type RoomType int

const (
	FormFillingRoom   RoomType = 1
	CollaborationRoom RoomType = 2
	CustomRoom        RoomType = 5
	PublicRoom        RoomType = 6
	VirtualDataRoom   RoomType = 8
)

// roomTypeNames are the names the provider uses; the API knows the numbers.
var roomTypeNames = enumNames[RoomType]{
	FormFillingRoom: "form_filling", CollaborationRoom: "collaboration", CustomRoom: "custom",
	PublicRoom: "public", VirtualDataRoom: "virtual_data",
}

// RoomTypeNames lists the room type names, sorted.
func RoomTypeNames() []string { return roomTypeNames.sorted() }

func (t RoomType) String() string { return roomTypeNames.name(t, "room_type") }

// ParseRoomType reads a room type name.
func ParseRoomType(name string) (RoomType, error) { return roomTypeNames.parse(name, "room type") }

// Room quota values with a meaning of their own.
const (
	QuotaUnlimited     int64 = -1
	QuotaPortalDefault int64 = -2
)

// MaxRoomTitleLength is the longest title DocSpace accepts, after trimming.
const MaxRoomTitleLength = 170

// SanitizeRoomTitle is the title DocSpace stores for a requested one: trimmed, with the
// characters it does not allow in names (tab * + : " < > ? | \ /) and every UTF-16
// surrogate unit (so an emoji becomes two) replaced by "_".
func SanitizeRoomTitle(title string) string {
	var b strings.Builder
	for _, r := range strings.TrimSpace(title) {
		switch {
		case strings.ContainsRune("\t*+:\"<>?|\\/", r):
			b.WriteRune('_')
		case r > 0xFFFF:
			b.WriteString("__")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Room is a DocSpace room as the API reports it.
type Room struct {
	ID           int
	Title        string
	Type         RoomType
	OwnerID      string
	Archived     bool
	Tags         []string
	Color        string
	Indexing     bool
	DenyDownload bool
	// Quota is the room's own quota in bytes (QuotaUnlimited for none); nil when the
	// portal reports no quota for the room (the caller cannot edit it, it is archived, or
	// the portal default applies).
	Quota   *int64
	Created time.Time
}

type wireEmployee struct {
	ID          string `json:"id"`
	DisplayName string `json:"displayName"`
}

type wireRoom struct {
	ID             int           `json:"id"`
	Title          string        `json:"title"`
	RoomType       RoomType      `json:"roomType"`
	RootFolderType int           `json:"rootFolderType"`
	Tags           []string      `json:"tags"`
	Indexing       bool          `json:"indexing"`
	DenyDownload   bool          `json:"denyDownload"`
	QuotaLimit     *int64        `json:"quotaLimit"`
	IsCustomQuota  *bool         `json:"isCustomQuota"`
	CreatedBy      *wireEmployee `json:"createdBy"`
	OwnedBy        *wireEmployee `json:"ownedBy"`
	Created        Timestamp     `json:"created"`
	Logo           struct {
		Color string `json:"color"`
	} `json:"logo"`
}

// rootFolderArchive is the rootFolderType of an archived room.
const rootFolderArchive = 20

func (w wireRoom) room() Room {
	r := Room{
		ID: w.ID, Title: w.Title, Type: w.RoomType, Archived: w.RootFolderType == rootFolderArchive,
		Tags: w.Tags, Color: strings.ToUpper(w.Logo.Color), Indexing: w.Indexing, DenyDownload: w.DenyDownload, Created: w.Created.Time,
	}
	if r.Tags == nil {
		r.Tags = []string{}
	}
	switch {
	case w.OwnedBy != nil:
		r.OwnerID = w.OwnedBy.ID
	case w.CreatedBy != nil:
		r.OwnerID = w.CreatedBy.ID
	}
	if w.QuotaLimit != nil && w.IsCustomQuota != nil && *w.IsCustomQuota {
		r.Quota = w.QuotaLimit
	}
	return r
}

// RoomSettings are what create and update send. Nil fields are left out: on update they
// leave the setting unchanged.
type RoomSettings struct {
	Title        *string   `json:"title,omitempty"`
	Type         *RoomType `json:"roomType,omitempty"`
	Tags         *[]string `json:"tags,omitempty"`
	Color        *string   `json:"color,omitempty"`
	Quota        *int64    `json:"quota,omitempty"`
	Indexing     *bool     `json:"indexing,omitempty"`
	DenyDownload *bool     `json:"denyDownload,omitempty"`
}

func roomPath(id int) string { return "files/rooms/" + strconv.Itoa(id) }

// CreateRoom creates a room. It is not idempotent: it is never retried after the portal
// may have processed it.
func (c *Client) CreateRoom(ctx context.Context, s RoomSettings) (*Room, error) {
	var w wireRoom
	if _, err := c.callValue(withoutReplay(ctx), http.MethodPost, "files/rooms", nil, s, &w); err != nil {
		return nil, err
	}
	r := w.room()
	return &r, nil
}

// Room reads one room. A room that does not exist (any more) is an *APIError with status
// 404.
func (c *Client) Room(ctx context.Context, id int) (*Room, error) {
	var w wireRoom
	if _, err := c.callValue(ctx, http.MethodGet, roomPath(id), nil, nil, &w); err != nil {
		return nil, err
	}
	r := w.room()
	return &r, nil
}

// UpdateRoom changes the given settings; tags, when given, replace the room's tags.
// DocSpace answers 403 (not 404) for a room that does not exist.
func (c *Client) UpdateRoom(ctx context.Context, id int, s RoomSettings) (*Room, error) {
	var w wireRoom
	if _, err := c.callValue(ctx, http.MethodPut, roomPath(id), nil, s, &w); err != nil {
		return nil, err
	}
	r := w.room()
	return &r, nil
}

// ArchiveRoom starts moving a room to the archive; wait for the returned operation.
func (c *Client) ArchiveRoom(ctx context.Context, id int) (*FileOperation, error) {
	return c.startFileOperation(ctx, http.MethodPut, roomPath(id)+"/archive")
}

// UnarchiveRoom starts moving a room back from the archive; wait for the operation.
func (c *Client) UnarchiveRoom(ctx context.Context, id int) (*FileOperation, error) {
	return c.startFileOperation(ctx, http.MethodPut, roomPath(id)+"/unarchive")
}

// DeleteRoom starts deleting a room for good (no trash); wait for the operation.
func (c *Client) DeleteRoom(ctx context.Context, id int) (*FileOperation, error) {
	return c.startFileOperation(ctx, http.MethodDelete, roomPath(id))
}

// RoomFilter selects rooms to list.
type RoomFilter struct {
	// Archived lists the archive instead of the active rooms; nil lists both.
	Archived *bool
	Types    []RoomType
	// Title is a case-insensitive substring of the title.
	Title string
	// OwnerID lists only the rooms of that owner.
	OwnerID string
}

// roomsPageSize is the most rooms the API gives per page.
const roomsPageSize = 100

// Rooms lists the rooms the key's user can see (all of them for the Owner and DocSpace
// admins), page by page until done. It always asks for searchArea 2 (Any) and picks
// active or archived rooms by their root: current servers list form-filling rooms under a
// search area of their own (8, Forms), which older servers refuse, and only Any lists every
// room on both.
func (c *Client) Rooms(ctx context.Context, f RoomFilter) ([]Room, error) {
	q := url.Values{}
	q.Set("searchArea", "2")
	for _, t := range f.Types {
		q.Add("type", strconv.Itoa(int(t)))
	}
	if f.Title != "" {
		q.Set("filterValue", f.Title)
	}
	if f.OwnerID != "" {
		q.Set("subjectOwnerId", f.OwnerID)
	}
	q.Set("count", strconv.Itoa(roomsPageSize))
	var rooms []Room
	for start := 0; ; {
		q.Set("startIndex", strconv.Itoa(start))
		var page struct {
			Folders []wireRoom `json:"folders"`
			Total   int        `json:"total"`
		}
		if _, err := c.callValue(ctx, http.MethodGet, "files/rooms", q, nil, &page); err != nil {
			return nil, err
		}
		for _, w := range page.Folders {
			if r := w.room(); f.Archived == nil || r.Archived == *f.Archived {
				rooms = append(rooms, r)
			}
		}
		start += len(page.Folders)
		if len(page.Folders) == 0 || start >= page.Total {
			return rooms, nil
		}
	}
}

// RoomURL is the address of a room in DocSpace's web interface. portal must already be
// normalised (NormalizePortalURL).
func RoomURL(portal string, roomID int64) string {
	return fmt.Sprintf("%s/rooms/shared/%d/filter?folder=%d", portal, roomID, roomID)
}
