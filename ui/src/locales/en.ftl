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
signing-soon = Signing opens here soon. Nothing was recorded.
signing-soon-back = Back to the petition
error-pack_unavailable = The petitions could not be loaded.
error-petition_not_found = This petition is not in the pack.
error-unknown = Something went wrong.
