# A link to a room, for a wiki page or a chat message.
# Provider functions need the provider in required_providers.
terraform {
  required_providers {
    docspace = {
      source = "docspace-terraform/docspace"
    }
  }
}

resource "docspace_room" "handbook" {
  title     = "Handbook"
  room_type = "custom"
}

output "handbook_link" {
  value = provider::docspace::room_url("https://example.onlyoffice.com", docspace_room.handbook.id)
}
