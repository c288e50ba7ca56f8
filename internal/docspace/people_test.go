package docspace_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

func TestPeople_CreateReadDisableDelete(t *testing.T) {
	srv, client := newPortal(t, mockportal.Options{}, mockportal.Owner)
	ctx := context.Background()
	u, err := client.CreateUser(ctx, docspace.NewUser{Email: "jane@example.test", FirstName: "Jane", LastName: "Doe", Type: docspace.TypeRoomAdmin})
	if err != nil {
		t.Fatal(err)
	}
	if u.Type != docspace.TypeRoomAdmin || u.Status != docspace.StatusActive || u.Activated || u.UserName != "jane" || u.Registered.IsZero() {
		t.Errorf("created %+v", u)
	}
	got, err := client.UserByEmail(ctx, "JANE@example.test")
	if err != nil || got.ID != u.ID {
		t.Fatalf("by email: %+v %v", got, err)
	}
	owner, err := client.User(ctx, srv.UserID(mockportal.Owner))
	if err != nil || !owner.Owner || owner.Type != docspace.TypeDocSpaceAdmin {
		t.Errorf("the owner reads as a DocSpace admin: %+v %v", owner, err)
	}
	if err := client.ChangeUserEmail(ctx, u.ID, "jane.doe@example.test"); err != nil {
		t.Fatal(err)
	}
	if got, err := client.User(ctx, u.ID); err != nil || got.Email != "jane.doe@example.test" {
		t.Errorf("after the email change: %+v %v", got, err)
	}
	if err := client.DeleteUser(ctx, u.ID); docspace.StatusCode(err) != 403 {
		t.Errorf("deleting an active user: %v", err)
	}
	if err := client.SetUserDisabled(ctx, u.ID, true); err != nil {
		t.Fatal(err)
	}
	if err := client.DeleteUser(ctx, u.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := client.User(ctx, u.ID); docspace.StatusCode(err) != 404 {
		t.Errorf("after delete: %v", err)
	}
}

func TestPeople_InviteFindsTheNewAccount(t *testing.T) {
	_, client := newPortal(t, mockportal.Options{}, mockportal.Owner)
	ctx := context.Background()
	if _, err := client.CreateUser(ctx, docspace.NewUser{Email: "first@example.test", FirstName: "First", Type: docspace.TypeUser}); err != nil {
		t.Fatal(err)
	}
	u, err := client.InviteUser(ctx, "bob@example.test", docspace.TypeUser)
	if err != nil || u.Email != "bob@example.test" || u.Status != docspace.StatusPending {
		t.Fatalf("invited: %+v %v", u, err)
	}
}

func TestPeople_TypeChangesUpAndDown(t *testing.T) {
	srv, client := newPortal(t, mockportal.Options{JobDuration: 20 * time.Millisecond}, mockportal.Owner)
	ctx := context.Background()
	id := srv.UserID(mockportal.User)
	if err := client.ChangeUserType(ctx, id, docspace.TypeDocSpaceAdmin); err != nil {
		t.Fatal(err)
	}
	if err := client.LowerUserType(ctx, id, docspace.TypeGuest, 5*time.Millisecond); err != nil {
		t.Fatal(err)
	}
	if u, _ := srv.User(id); u.Type != mockportal.Guest {
		t.Errorf("after the downgrade: %s", u.Type)
	}
	if err := client.ChangeUserType(ctx, id, docspace.TypeGuest); docspace.StatusCode(err) != 403 {
		t.Errorf("same type: %v", err)
	}
}

func TestPeople_FailedDowngradeIsTyped(t *testing.T) {
	srv, client := newPortal(t, mockportal.Options{JobDuration: 10 * time.Millisecond}, mockportal.Owner)
	srv.SetTypeChangeFailure("The user owns rooms that cannot be moved")
	err := client.LowerUserType(context.Background(), srv.UserID(mockportal.RoomAdmin), docspace.TypeUser, 5*time.Millisecond)
	var jobErr *docspace.UserTypeChangeError
	if !errors.As(err, &jobErr) || jobErr.Message != "The user owns rooms that cannot be moved" {
		t.Errorf("failed job: %v", err)
	}
}

func TestPeople_RoomAdminCannotFollowADowngrade(t *testing.T) {
	srv, client := newPortal(t, mockportal.Options{JobDuration: 10 * time.Millisecond}, mockportal.RoomAdmin)
	id := srv.AddUser(mockportal.Person{Email: "g@example.test", FirstName: "G", Type: mockportal.User, CreatedBy: srv.UserID(mockportal.RoomAdmin)})
	err := client.LowerUserType(context.Background(), id, docspace.TypeGuest, 5*time.Millisecond)
	// A room admin may start it, but not follow it: progress is for admins.
	if docspace.StatusCode(err) != 403 {
		t.Errorf("room admin: %v", err)
	}
}

func TestChangeNeedsJob(t *testing.T) {
	for _, c := range []struct {
		from, to docspace.UserType
		job      bool
	}{
		{docspace.TypeUser, docspace.TypeRoomAdmin, false}, {docspace.TypeGuest, docspace.TypeUser, false},
		{docspace.TypeDocSpaceAdmin, docspace.TypeRoomAdmin, false}, {docspace.TypeRoomAdmin, docspace.TypeUser, true},
		{docspace.TypeUser, docspace.TypeGuest, true}, {docspace.TypeDocSpaceAdmin, docspace.TypeUser, true},
	} {
		if got := docspace.ChangeNeedsJob(c.from, c.to); got != c.job {
			t.Errorf("%s → %s: job %v", c.from, c.to, got)
		}
	}
}

func TestPeople_ListsEveryPage(t *testing.T) {
	srv, client := newPortal(t, mockportal.Options{}, mockportal.Owner)
	for i := range 150 {
		srv.AddUser(mockportal.Person{Email: fmt.Sprintf("bulk%03d@example.test", i), FirstName: "Bulk", Type: mockportal.User})
	}
	users, err := client.Users(context.Background(), docspace.UserFilter{Search: "bulk"})
	if err != nil || len(users) != 150 {
		t.Fatalf("%d users, %v", len(users), err)
	}
	users, err = client.Users(context.Background(), docspace.UserFilter{Type: docspace.TypeGuest})
	if err != nil || len(users) != 1 || users[0].Type != docspace.TypeGuest {
		t.Errorf("guests: %+v %v", users, err)
	}
}

func TestGroups_LifecycleAnd204(t *testing.T) {
	srv, client := newPortal(t, mockportal.Options{}, mockportal.Owner)
	ctx := context.Background()
	ra, user := srv.UserID(mockportal.RoomAdmin), srv.UserID(mockportal.User)
	g, err := client.CreateGroup(ctx, docspace.NewGroup{Name: "Ops", ManagerID: ra, MemberIDs: []string{user}})
	if err != nil || g.ManagerID != ra || len(g.MemberIDs) != 2 {
		t.Fatalf("created %+v %v", g, err)
	}
	name := "Operations"
	g, err = client.UpdateGroup(ctx, g.ID, docspace.GroupChange{Name: &name, Remove: []string{user}})
	if err != nil || g.Name != name || g.ManagerID != ra || len(g.MemberIDs) != 1 {
		t.Fatalf("updated %+v %v", g, err)
	}
	g, err = client.RemoveGroupMembers(ctx, g.ID, []string{ra})
	if err != nil || g.ManagerID != "" || len(g.MemberIDs) != 0 {
		t.Fatalf("manager removed %+v %v", g, err)
	}
	if err := client.DeleteGroup(ctx, g.ID); err != nil {
		t.Fatalf("a 204 without a body is success: %v", err)
	}
	var apiErr *docspace.APIError
	if _, err := client.Group(ctx, g.ID, false); !errors.As(err, &apiErr) || apiErr.StatusCode != 404 {
		t.Errorf("after delete: %v", err)
	}
	groups, err := client.Groups(ctx, "")
	if err != nil || len(groups) != 2 || groups[0].Name != mockportal.DesignersGroup || groups[0].MemberIDs != nil {
		t.Errorf("groups: %+v %v", groups, err)
	}
}

// BenchmarkUsers_List1000 reads 1,000 accounts (10 pages) from the mock portal over
// loopback HTTP, as docspace_users and the user list resource do.
func BenchmarkUsers_List1000(b *testing.B) {
	srv := mockportal.StartTest(b, mockportal.Options{})
	for i := range 994 {
		srv.AddUser(mockportal.Person{Email: fmt.Sprintf("bulk%04d@example.test", i), FirstName: "Bulk", Type: mockportal.User})
	}
	client, err := docspace.New(docspace.Config{PortalURL: srv.URL, APIKey: srv.Key(mockportal.DocSpaceAdmin)})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		users, err := client.Users(context.Background(), docspace.UserFilter{})
		if err != nil || len(users) != 1000 {
			b.Fatalf("%d users, %v", len(users), err)
		}
	}
}

func TestUserQuota_SetReadReset(t *testing.T) {
	srv, client := newPortal(t, mockportal.Options{}, mockportal.Owner)
	ctx := context.Background()
	id := srv.UserID(mockportal.User)
	if err := client.SetUserQuota(ctx, id, 1<<20); err != nil {
		t.Fatal(err)
	}
	if u, err := client.User(ctx, id); err != nil || u.Quota != nil {
		t.Errorf("user quotas off: no quota reported, got %v %v", u.Quota, err)
	}
	srv.SetQuotaSettings(mockportal.QuotaSettings{Users: mockportal.EntityQuota{Enabled: true}})
	if u, err := client.User(ctx, id); err != nil || u.Quota == nil || *u.Quota != 1<<20 {
		t.Errorf("user quotas on: %v %v", u, err)
	}
	if err := client.ResetUserQuota(ctx, id); err != nil {
		t.Fatal(err)
	}
	if u, err := client.User(ctx, id); err != nil || u.Quota != nil {
		t.Errorf("after the reset: %v %v", u.Quota, err)
	}
}
