# A pipeline step that only manages rooms gets a key that can only manage rooms, made for
# this run and deleted when it ends (Terraform 1.10+, OpenTofu 1.11+). The admin key that
# makes it stays in the pipeline's secret store; the scoped key is never stored anywhere.
variable "portal_url" {
  type = string
}

provider "docspace" {
  portal_url = var.portal_url
  # api_key from DOCSPACE_API_KEY: an admin's key
}

ephemeral "docspace_api_key" "run" {
  name        = "rooms-pipeline"
  permissions = ["rooms:write"]
}

provider "docspace" {
  alias      = "rooms_only"
  portal_url = var.portal_url
  api_key    = ephemeral.docspace_api_key.run.key
}

resource "docspace_room" "handbook" {
  provider  = docspace.rooms_only
  title     = "Handbook"
  room_type = "collaboration"
}
