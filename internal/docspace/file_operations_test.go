package docspace_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

func TestFileOperations_ArchiveUnarchiveDelete(t *testing.T) {
	srv, client := newPortal(t, mockportal.Options{Rooms: 1, JobDuration: 50 * time.Millisecond}, mockportal.Owner)
	ctx := context.Background()
	id := srv.RoomIDs()[0]
	op, err := client.ArchiveRoom(ctx, id)
	if err != nil || op.Finished {
		t.Fatalf("archive: %+v %v", op, err)
	}
	if err := client.WaitFileOperation(ctx, op, 10*time.Millisecond); err != nil {
		t.Fatal(err)
	}
	if room, _ := client.Room(ctx, id); !room.Archived {
		t.Error("not archived after the operation finished")
	}
	op, _ = client.UnarchiveRoom(ctx, id)
	if err := client.WaitFileOperation(ctx, op, 10*time.Millisecond); err != nil {
		t.Fatal(err)
	}
	srv.SetFileOperationFailure("The room is opened for editing")
	op, _ = client.DeleteRoom(ctx, id)
	err = client.WaitFileOperation(ctx, op, 10*time.Millisecond)
	var opErr *docspace.FileOperationError
	if !errors.As(err, &opErr) || opErr.Message != "The room is opened for editing" {
		t.Fatalf("failed delete: %v", err)
	}
	srv.SetFileOperationFailure("")
	op, _ = client.DeleteRoom(ctx, id)
	if err := client.WaitFileOperation(ctx, op, 10*time.Millisecond); err != nil {
		t.Fatal(err)
	}
	if _, err := client.Room(ctx, id); docspace.StatusCode(err) != 404 {
		t.Errorf("deleted room: %v", err)
	}
}

func TestWaitFileOperation_HonoursTheDeadline(t *testing.T) {
	srv, client := newPortal(t, mockportal.Options{Rooms: 1, JobDuration: time.Hour}, mockportal.Owner)
	op, err := client.ArchiveRoom(context.Background(), srv.RoomIDs()[0])
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if err := client.WaitFileOperation(ctx, op, 10*time.Millisecond); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err = %v", err)
	}
}
