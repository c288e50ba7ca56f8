package provider

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

// roomConfig is a provider block for role plus one docspace_room "this" with body.
func roomConfig(srv *mockportal.Server, role mockportal.Role, body string) string {
	return providerConfig(srv, role) + fmt.Sprintf(`
resource "docspace_room" "this" {
  %s
}
`, body)
}

// roomID reads the id of docspace_room.this from state.
func roomID(s *terraform.State) (int, error) {
	rs, ok := s.RootModule().Resources["docspace_room.this"]
	if !ok {
		return 0, fmt.Errorf("docspace_room.this not in state")
	}
	return strconv.Atoi(rs.Primary.ID)
}

// checkRoom asserts on the mock's room behind docspace_room.this.
func checkRoom(srv *mockportal.Server, want func(mockportal.Room) error) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		id, err := roomID(s)
		if err != nil {
			return err
		}
		room, ok := srv.Room(id)
		if !ok {
			return fmt.Errorf("room %d is not on the portal", id)
		}
		return want(room)
	}
}

// stateRoomID remembers the room's id across steps.
func stateRoomID(id *int) resource.TestCheckFunc {
	return func(s *terraform.State) (err error) {
		*id, err = roomID(s)
		return err
	}
}

// roomQuotasOn is a portal with room quotas switched on, as rooms with a quota need.
func roomQuotasOn() mockportal.Options {
	opts := fastJobs()
	opts.RoomQuotas = true
	return opts
}

func TestAccRoom_Lifecycle(t *testing.T) {
	srv := mockportal.StartTest(t, roomQuotasOn())
	var id int
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			if _, ok := srv.Room(id); ok {
				return fmt.Errorf("room %d still exists after destroy", id)
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				// A title DocSpace rewrites: state keeps the
				// configured spelling, so the re-plan is empty.
				Config: roomConfig(srv, mockportal.RoomAdmin, `
  title     = "Launch: Q3"
  room_type = "collaboration"
  tags      = ["launch", "q3"]
  color     = "A1B2C3"
  quota     = 1048576`),
				Check: resource.ComposeAggregateTestCheckFunc(
					stateRoomID(&id),
					resource.TestCheckResourceAttr("docspace_room.this", "title", "Launch: Q3"),
					resource.TestCheckResourceAttr("docspace_room.this", "archived", "false"),
					resource.TestCheckResourceAttr("docspace_room.this", "owner", srv.UserID(mockportal.RoomAdmin)),
					checkRoom(srv, func(r mockportal.Room) error {
						if r.Title != "Launch_ Q3" || r.Type != mockportal.RoomCollaboration || r.Color != "A1B2C3" || r.Quota != 1048576 || len(r.Tags) != 2 {
							return fmt.Errorf("room on the portal: %+v", r)
						}
						return nil
					}),
				),
			},
			{
				Config: roomConfig(srv, mockportal.RoomAdmin, `
  title         = "Launch Q4"
  room_type     = "collaboration"
  tags          = ["launch"]
  deny_download = true`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction("docspace_room.this", plancheck.ResourceActionUpdate)}},
				Check: checkRoom(srv, func(r mockportal.Room) error {
					if r.Title != "Launch Q4" || !r.DenyDownload || r.Quota != -2 || !slices.Equal(r.Tags, []string{"launch"}) || r.Color != "A1B2C3" {
						return fmt.Errorf("room after update: %+v", r)
					}
					return nil
				}),
			},
			{
				Config: roomConfig(srv, mockportal.RoomAdmin, `
  title     = "Launch Q4"
  room_type = "collaboration"
  tags      = ["launch"]
  archived  = true
  deny_download = true`),
				Check: checkRoom(srv, func(r mockportal.Room) error {
					if !r.Archived {
						return fmt.Errorf("not archived")
					}
					return nil
				}),
			},
			{
				// Unarchive and rename in one apply: unarchive first (an archived room is read-only).
				Config: roomConfig(srv, mockportal.RoomAdmin, `
  title     = "Launch Q4 (done)"
  room_type = "collaboration"
  tags      = ["launch"]
  deny_download = true`),
				Check: checkRoom(srv, func(r mockportal.Room) error {
					if r.Archived || r.Title != "Launch Q4 (done)" {
						return fmt.Errorf("room %+v", r)
					}
					return nil
				}),
			},
			{
				ResourceName: "docspace_room.this", ImportState: true, ImportStateVerify: true,
				ImportStateVerifyIgnore: []string{"timeouts"},
			},
			{
				// Changing the type replaces the room.
				Config: roomConfig(srv, mockportal.RoomAdmin, `
  title     = "Launch Q4 (done)"
  room_type = "custom"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction("docspace_room.this", plancheck.ResourceActionDestroyBeforeCreate)}},
				Check: func(s *terraform.State) error {
					old := id
					if err := stateRoomID(&id)(s); err != nil {
						return err
					}
					if _, still := srv.Room(old); still || id == old {
						return fmt.Errorf("the old room %d was not replaced (new %d)", old, id)
					}
					return nil
				},
			},
		},
	})
}

func TestAccRoom_DriftPlansExactlyTheChange(t *testing.T) {
	srv := mockportal.StartTest(t, roomQuotasOn())
	config := roomConfig(srv, mockportal.Owner, `
  title     = "Handbook"
  room_type = "custom"
  quota     = 5000000`)
	var id int
	outOfBand := func(change func(*mockportal.Room)) func() {
		return func() { srv.ChangeRoom(id, change) }
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config, Check: stateRoomID(&id)},
			{PreConfig: outOfBand(func(r *mockportal.Room) { r.Title = "Renamed in the UI" }), Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction("docspace_room.this", plancheck.ResourceActionUpdate)}},
				Check:            checkRoom(srv, func(r mockportal.Room) error { return expectString("title", r.Title, "Handbook") })},
			{PreConfig: outOfBand(func(r *mockportal.Room) { r.Quota = 42 }), Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction("docspace_room.this", plancheck.ResourceActionUpdate)}},
				Check:            checkRoom(srv, func(r mockportal.Room) error { return expectString("quota", fmt.Sprint(r.Quota), "5000000") })},
			{PreConfig: outOfBand(func(r *mockportal.Room) { r.Archived = true }), Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction("docspace_room.this", plancheck.ResourceActionUpdate)}},
				Check:            checkRoom(srv, func(r mockportal.Room) error { return expectString("archived", fmt.Sprint(r.Archived), "false") })},
			{PreConfig: func() { srv.DeleteRoomNow(id) }, Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction("docspace_room.this", plancheck.ResourceActionCreate)}},
				Check:            stateRoomID(&id)},
		},
	})
}

func expectString(what, got, want string) error {
	if got != want {
		return fmt.Errorf("%s on the portal is %q, want %q", what, got, want)
	}
	return nil
}

func TestAccRoom_InvalidConfigFailsAtPlan(t *testing.T) {
	srv := mockportal.StartTest(t, fastJobs())
	cases := map[string]struct{ body, want string }{
		"empty title":   {`title = "   "` + "\n room_type = \"custom\"", `Invalid room title.*0 characters after trimming`},
		"long title":    {fmt.Sprintf("title = %q\n room_type = \"custom\"", strings.Repeat("x", 171)), `Invalid room title.*171 characters`},
		"unknown type":  {`title = "x"` + "\n room_type = \"kanban\"", `room_type.*value must be one of`},
		"colour with #": {`title = "x"` + "\n room_type = \"custom\"\n color = \"#FF5733\"", `color.*six upper-case hex digits`},
		"quota zero":    {`title = "x"` + "\n room_type = \"custom\"\n quota = 0", `Invalid quota.*quota is 0: a quota is -1 for unlimited`},
		"quota -5":      {`title = "x"` + "\n room_type = \"custom\"\n quota = -5", `Invalid quota.*quota is -5`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: protoV6ProviderFactories,
				Steps:                    []resource.TestStep{{Config: roomConfig(srv, mockportal.Owner, tc.body), PlanOnly: true, ExpectError: expectError(tc.want)}},
			})
		})
	}
	if got := requestLines(srv); len(got) != 0 {
		t.Errorf("invalid configurations reached the portal: %q", got)
	}
}

func TestAccRoom_Refusals(t *testing.T) {
	t.Run("a user may not create rooms", func(t *testing.T) {
		srv := mockportal.StartTest(t, fastJobs())
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: protoV6ProviderFactories,
			Steps: []resource.TestStep{{Config: roomConfig(srv, mockportal.User, `
  title     = "Mine"
  room_type = "custom"`), ExpectError: expectError(`This API key may not create rooms \(HTTP 403\).*room admin or a DocSpace admin`)}},
		})
	})
	t.Run("room limit of the plan", func(t *testing.T) {
		srv := mockportal.StartTest(t, mockportal.Options{Rooms: 1, MaxRooms: 1})
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: protoV6ProviderFactories,
			Steps: []resource.TestStep{{Config: roomConfig(srv, mockportal.Owner, `
  title     = "One too many"
  room_type = "custom"`), ExpectError: expectError(`room limit.*HTTP 402|HTTP 402.*room limit`)}},
		})
	})
	t.Run("a failing archive operation", func(t *testing.T) {
		srv := mockportal.StartTest(t, fastJobs())
		srv.SetFileOperationFailure("The room has a file opened for editing")
		config := roomConfig(srv, mockportal.Owner, `
  title     = "Old"
  room_type = "custom"
  archived  = true`)
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: protoV6ProviderFactories,
			Steps: []resource.TestStep{
				{Config: config, ExpectError: expectError(`The DocSpace file operation failed.*opened for editing`)},
				// Once the cause is gone, the next apply finishes the job (the room was kept).
				{PreConfig: func() { srv.SetFileOperationFailure("") }, Config: config, Check: checkRoom(srv, func(r mockportal.Room) error {
					return expectString("archived", fmt.Sprint(r.Archived), "true")
				})},
			},
		})
	})
}

// A DocSpace admin may not delete someone else's active room: destroy archives it first.
func TestAccRoom_AdminDestroysSomeoneElsesRoom(t *testing.T) {
	srv := mockportal.StartTest(t, fastJobs())
	ids := srv.SeedRooms(1)
	roomAdmin := srv.UserID(mockportal.RoomAdmin)
	srv.ChangeRoom(ids[0], func(r *mockportal.Room) { r.OwnerID = roomAdmin; r.Title = "Theirs" })
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			if _, ok := srv.Room(ids[0]); ok {
				return fmt.Errorf("room %d survived destroy", ids[0])
			}
			lines := strings.Join(requestLines(srv), "\n")
			if !strings.Contains(lines, fmt.Sprintf("PUT /api/2.0/files/rooms/%d/archive", ids[0])) {
				return fmt.Errorf("destroy did not archive first:\n%s", lines)
			}
			return nil
		},
		Steps: []resource.TestStep{{
			Config: providerConfig(srv, mockportal.DocSpaceAdmin) + fmt.Sprintf(`
import {
  to = docspace_room.this
  id = "%d"
}
resource "docspace_room" "this" {
  title     = "Theirs"
  room_type = "custom"
}
`, ids[0]),
		}},
	})
}

// roomSettings sends only what changed, and the create body in full.
func TestRoomSettings(t *testing.T) {
	ctx := context.Background()
	tags := func(v ...string) types.Set { s, _ := types.SetValueFrom(ctx, types.StringType, v); return s }
	base := roomModel{
		Title: types.StringValue("A"), RoomType: types.StringValue("custom"), Quota: types.Int64Null(), Tags: types.SetNull(types.StringType),
		Color: types.StringUnknown(), Indexing: types.BoolValue(false), DenyDownload: types.BoolValue(false), Archived: types.BoolValue(false),
	}
	create, diags := roomSettings(ctx, base, nil)
	if diags.HasError() || *create.Title != "A" || *create.Type != docspace.CustomRoom || create.Tags != nil || create.Quota != nil || create.Color != nil || *create.Indexing {
		t.Errorf("create body %+v %v", create, diags)
	}
	prior := base
	prior.Color, prior.Tags, prior.Quota = types.StringValue("1A73E8"), tags("x"), types.Int64Value(5)
	plan := prior
	if s, _ := roomSettings(ctx, plan, &prior); s != (docspace.RoomSettings{}) {
		t.Errorf("nothing changed, yet the update sends %+v", s)
	}
	plan.Tags, plan.Quota, plan.Title = types.SetNull(types.StringType), types.Int64Null(), types.StringValue("B")
	s, _ := roomSettings(ctx, plan, &prior)
	if s.Tags == nil || len(*s.Tags) != 0 || s.Quota == nil || *s.Quota != docspace.QuotaPortalDefault || *s.Title != "B" || s.Indexing != nil || s.Color != nil {
		t.Errorf("removing tags and quota sends %+v", s)
	}
}

// roomState keeps what DocSpace only reshaped and passes real changes through.
func TestRoomState(t *testing.T) {
	ctx := context.Background()
	q := int64(7)
	known := roomModel{Title: types.StringValue("Q3: plan"), Tags: types.SetValueMust(types.StringType, []attr.Value{}), Quota: types.Int64Value(9)}
	room := &docspace.Room{ID: 5, Title: "Q3_ plan", Type: docspace.PublicRoom, Color: "ABCDEF", Tags: []string{}, Archived: true, OwnerID: "u"}
	got := roomState(ctx, room, known)
	if got.Title.ValueString() != "Q3: plan" || got.Tags.IsNull() || got.Quota.ValueInt64() != 9 || got.RoomType.ValueString() != "public" || !got.Archived.ValueBool() {
		t.Errorf("state %+v", got)
	}
	room.Title, room.Archived, room.Quota, room.Tags = "Renamed", false, &q, []string{"new"}
	got = roomState(ctx, room, known)
	if got.Title.ValueString() != "Renamed" || got.Quota.ValueInt64() != 7 || len(got.Tags.Elements()) != 1 {
		t.Errorf("drift hidden: %+v", got)
	}
	room.Quota = nil
	if got := roomState(ctx, room, known); !got.Quota.IsNull() {
		t.Errorf("an active room without a quota keeps %v", got.Quota)
	}
}

// A change the portal answers with success but does not store is named, attribute by
// attribute, instead of Terraform's "inconsistent result" provider bug; state keeps what
// the portal has, so the next plan shows the change again.
func TestAccRoom_DroppedChangeIsNamed(t *testing.T) {
	srv := mockportal.StartTest(t, fastJobs())
	var id int
	config := func(title string) string {
		return roomConfig(srv, mockportal.Owner, fmt.Sprintf("title = %q\n room_type = \"custom\"", title))
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config("Before"), Check: stateRoomID(&id)},
			{
				PreConfig: func() {
					srv.InjectFault(mockportal.Fault{Method: "PUT", Path: fmt.Sprintf("/api/2.0/files/rooms/%d", id), Status: 200,
						Body: fmt.Sprintf(`{"response":{"id":%d,"title":"After","roomType":5},"status":0,"statusCode":200}`, id)})
				},
				Config:      config("After"),
				ExpectError: expectError(`DocSpace did not store title.*room \d+ but reading title back gives "Before" instead of "After"`),
			},
			{Config: config("After"), Check: resource.TestCheckResourceAttr("docspace_room.this", "title", "After")},
		},
	})
}

// A new portal has room quotas off, and DocSpace then ignores a room's quota: the apply
// refuses it before creating anything, and works once docspace_quota_settings (applied
// first) switches room quotas on.
func TestAccRoom_QuotaNeedsRoomQuotasOn(t *testing.T) {
	srv := mockportal.StartTest(t, fastJobs())
	room := `
resource "docspace_room" "this" {
  title      = "Quota"
  room_type  = "custom"
  quota      = 1048576
  depends_on = [docspace_quota_settings.this]
}`
	settings := func(on bool) string {
		return fmt.Sprintf(`
resource "docspace_quota_settings" "this" {
  room_quotas_enabled = %v
}`, on)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      providerConfig(srv, mockportal.Owner) + settings(false) + room,
				ExpectError: expectError(`The portal's room quotas are off.*room_quotas_enabled = true`),
			},
			{
				PreConfig: func() {
					if ids := srv.RoomIDs(); len(ids) != 0 {
						t.Errorf("a room was created although its quota was refused: %v", ids)
					}
				},
				Config: providerConfig(srv, mockportal.Owner) + settings(true) + room,
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr("docspace_room.this", "quota", "1048576"),
					checkRoom(srv, func(r mockportal.Room) error { return expectString("quota", fmt.Sprint(r.Quota), "1048576") }),
				),
			},
		},
	})
	if srv.QuotaSettings().Rooms.Enabled {
		t.Error("destroying docspace_quota_settings left room quotas on")
	}
}
