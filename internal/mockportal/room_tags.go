package mockportal

import (
	"net/http"
	"slices"
	"sort"
	"strings"
)

// Room tags: a room's own tags (PUT/DELETE files/rooms/{id}/tags) and the portal's tag
// catalog (files/tags) (README.md, "Rooms").

const maxTagLength = 255

// catalogAddLocked puts tags into the catalog (case-insensitively unique).
func (p *Portal) catalogAddLocked(tags ...string) {
	for _, t := range tags {
		if !slices.ContainsFunc(p.tagCatalog, func(c string) bool { return strings.EqualFold(c, t) }) {
			p.tagCatalog = append(p.tagCatalog, t)
		}
	}
}

// catalogForgetUnusedLocked drops tags no room uses any more (after a room is deleted).
func (p *Portal) catalogForgetUnusedLocked(tags []string) {
	for _, t := range tags {
		used := false
		for _, r := range p.rooms {
			used = used || slices.ContainsFunc(r.Tags, func(x string) bool { return strings.EqualFold(x, t) })
		}
		if !used {
			p.tagCatalog = slices.DeleteFunc(p.tagCatalog, func(c string) bool { return strings.EqualFold(c, t) })
		}
	}
}

type tagNamesBody struct {
	Names *[]string `json:"names"`
}

// changeRoomTagsLocked is PUT (add) and DELETE (remove) files/rooms/{id}/tags: adding is
// additive and creates catalog tags; removing is case-insensitive and ignores unknown names.
func (p *Portal) changeRoomTagsLocked(w http.ResponseWriter, r *http.Request, u *Person, room *Room, add bool) {
	var b tagNamesBody
	if !p.bindBody(w, r, &b) {
		return
	}
	switch {
	case b.Names == nil:
		p.invalid(w, r, "Names", "The Names field is required.")
		return
	case room == nil:
		roomNotFound(w)
		return
	case !p.rightsLocked(room, u).edit:
		forbidden(w, msgCannotEdit) // archived rooms, and members below room manager
		return
	}
	for _, name := range *b.Names {
		if len([]rune(name)) > maxTagLength {
			p.invalid(w, r, "Names", "The field Names must hold tags of at most 255 characters.")
			return
		}
	}
	if add {
		room.Tags = uniqueTags(append(room.Tags, *b.Names...))
		p.catalogAddLocked(room.Tags...)
	} else {
		room.Tags = slices.DeleteFunc(room.Tags, func(t string) bool {
			return slices.ContainsFunc(*b.Names, func(n string) bool { return strings.EqualFold(n, t) })
		})
	}
	room.Updated = p.opts.Now()
	p.ok(w, r, p.roomJSONLocked(room, u, true))
}

// serveTagCatalogLocked is files/tags: create (room admins and admins), rename, list (the
// tags of rooms one can see, for non-admins), delete (from every room).
func (p *Portal) serveTagCatalogLocked(w http.ResponseWriter, r *http.Request, u *Person) {
	if r.Method != http.MethodGet && !u.isAdmin() && u.Type != RoomAdmin {
		forbidden(w, msgAccessDenied)
		return
	}
	switch r.Method {
	case http.MethodPost:
		p.createTagLocked(w, r)
	case http.MethodPut:
		p.renameTagLocked(w, r)
	case http.MethodGet:
		p.listTagsLocked(w, r, u)
	case http.MethodDelete:
		var b tagNamesBody
		if !p.bindBody(w, r, &b) {
			return
		}
		if b.Names != nil {
			drop := func(t string) bool {
				return slices.ContainsFunc(*b.Names, func(n string) bool { return strings.EqualFold(n, t) })
			}
			p.tagCatalog = slices.DeleteFunc(p.tagCatalog, drop)
			for _, room := range p.rooms {
				room.Tags = slices.DeleteFunc(room.Tags, drop)
			}
		}
		p.ok(w, r, nil)
	default:
		notFoundPage(w)
	}
}

func (p *Portal) createTagLocked(w http.ResponseWriter, r *http.Request) {
	var b struct {
		Name string `json:"name"`
	}
	if !p.bindBody(w, r, &b) {
		return
	}
	name := strings.TrimSpace(b.Name)
	switch {
	case name == "":
		p.invalid(w, r, "Name", "The Name field is required.")
		return
	case len([]rune(name)) > maxTagLength:
		p.invalid(w, r, "Name", "The field Name must be a string with a maximum length of 255.")
		return
	}
	for _, c := range p.tagCatalog {
		if strings.EqualFold(c, name) {
			p.ok(w, r, c) // an existing tag is returned as it is
			return
		}
	}
	p.catalogAddLocked(name)
	p.ok(w, r, name)
}

func (p *Portal) renameTagLocked(w http.ResponseWriter, r *http.Request) {
	var b struct {
		OldName string `json:"oldName"`
		NewName string `json:"newName"`
	}
	if !p.bindBody(w, r, &b) {
		return
	}
	i := slices.IndexFunc(p.tagCatalog, func(c string) bool { return strings.EqualFold(c, b.OldName) })
	switch {
	case i < 0:
		fail(w, http.StatusNotFound, "The record could not be found", "ASC.Common.Web.ItemNotFoundException")
		return
	case slices.ContainsFunc(p.tagCatalog, func(c string) bool { return strings.EqualFold(c, b.NewName) }):
		badArgument(w, "Tag with name '"+b.NewName+"' already exists")
		return
	}
	old := p.tagCatalog[i]
	p.tagCatalog[i] = b.NewName
	for _, room := range p.rooms {
		for j, t := range room.Tags {
			if t == old {
				room.Tags[j] = b.NewName
			}
		}
	}
	p.ok(w, r, b.NewName)
}

func (p *Portal) listTagsLocked(w http.ResponseWriter, r *http.Request, u *Person) {
	q := queryFold(r)
	filter := strings.ToLower(q.Get("filtervalue"))
	visible := map[string]bool{}
	for _, room := range p.rooms {
		if p.rightsLocked(room, u).read {
			for _, t := range room.Tags {
				visible[strings.ToLower(t)] = true
			}
		}
	}
	out := []string{}
	for _, t := range p.tagCatalog {
		if (u.isAdmin() || visible[strings.ToLower(t)]) && strings.Contains(strings.ToLower(t), filter) {
			out = append(out, t)
		}
	}
	sort.Strings(out)
	p.ok(w, r, out)
}
