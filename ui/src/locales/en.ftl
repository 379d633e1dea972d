app-title = Placard
petitions-heading = Petitions
petitions-count = { $count ->
    [one] One petition in this pack
   *[other] { $count } petitions in this pack
}
petitions-failed = { $count ->
    [one] One file could not be loaded:
   *[other] { $count } files could not be loaded:
}
petition-draft = Not published
loading = Loading…
back-to-list = All petitions
sign-default = Sign the petition
error-pack_unavailable = The petitions could not be loaded.
error-petition_not_found = This petition is not in the pack.
error-unknown = Something went wrong.
setup-heading = Set up this kiosk
setup-intro = Signatures are sealed to the organiser's public key the moment they are given. This kiosk can never read them.
setup-recipient = Organiser's public key (starts with age1)
setup-pin = Operator PIN (4 to 12 digits)
setup-pin-again = Operator PIN again
setup-pin-mismatch = The two PINs differ.
setup-submit = Start collecting signatures
required-note = * Indicates a required field
field-given_name = First name
field-family_name = Last name
field-email = Email
field-postal_code = ZIP / postal code
field-street_address = Street address
field-city = City
field-country = Country (two letters)
field-comment = Comment
field-subscribe = Keep me updated on this and other campaigns
form-cancel = Back
form-submit-default = Sign the petition
form-saving = Saving…
fix-required = This field is required.
fix-invalid_email = Please enter an email address like name@example.org.
fix-too_long = This is too long.
fix-forbidden_characters = This contains characters that cannot be used.
fix-invalid_postal_code = Please enter a 5-digit ZIP code.
fix-invalid_country = Please use a two-letter country code, such as US.
fix-unknown_field = This petition does not ask for this.
error-not_set_up = This kiosk is not set up yet.
error-already_set_up = This kiosk is already set up.
error-weak_pin = The PIN must be 4 to 12 digits.
error-bad_recipient = That is not an organiser public key (it starts with age1).
error-invalid_input = Please check the marked fields.
error-storage_full = This kiosk's storage is full. Please tell a volunteer. Your signature was not saved.
error-storage_error = Your signature could not be saved. Please tell a volunteer.
thanks-heading = Thank you!
thanks-count = { $count ->
    [one] You are the first to sign here.
   *[other] { $count } people have signed here.
}
