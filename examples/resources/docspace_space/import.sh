# A space is imported by its tenant id (the hosting API's portal/get lists them). The
# registration inputs (owner's name, language, time zone) are not read back: after an
# import the first plan fills them in place, without a call to the server.
terraform import docspace_space.sales 2
