// Input rules shared by both backends, checked before anything is written, so the two
// backends reject exactly the same things with the same field names.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/utf8.hpp"
#include "storage/storage.hpp"

namespace snai::storage {

// Lower-cased and trimmed; invalid_argument (field "email") when it is not an address.
Result<std::string> normalize_email(std::string_view email);

Status validate(const NewUser& user);
Status validate(const NewProject& project);
Status validate(const ProjectPatch& patch);  // the fields present
Status validate(const NewName& name);
Status validate(const NewEvent& event);
Status validate(const PageRequest& page);

// A batch is checked whole before anything is written; an item's error names its index:
// "names[3]: name is required".
Status validate(const std::vector<NewName>& names);
Status validate(const std::vector<NewEvent>& events);

// An API key's label: UTF-8 text of at most 200 bytes (invalid_argument, field "label").
Status validate_api_key_label(std::string_view label);
// A secret this service could have issued ("snai_..." of at most 128 bytes), checked before any
// lookup; unauthenticated "API key is malformed" otherwise.
Status check_api_key_secret(std::string_view secret);
// A well-formed secret that matches no live key.
std::unexpected<Error> unknown_api_key();

// The not-found errors both backends return, worded alike: "{what} {id} does not exist",
// naming `field` (the argument that pointed at nothing).
std::unexpected<Error> not_found(std::string_view what, std::string_view id, std::string_view field = "id");
// A project's owner must be an existing user (field "owner_id").
std::unexpected<Error> owner_not_found(std::string_view owner_id);
std::unexpected<Error> feedback_not_found();  // clear_feedback on a name the user has no verdict on

// The conflicts: an email already registered (field "email"), a name already in the project ("name").
std::unexpected<Error> email_taken(std::string_view email);
std::unexpected<Error> name_taken(std::string_view name, std::string_view project_id);

// A feedback kind read back from the database; data_corrupt when it is not one this binary wrote.
Result<FeedbackKind> parse_stored_feedback_kind(std::string_view text);

// Event cursors are the decimal seq of the last event seen.
Result<std::int64_t> parse_seq_cursor(std::string_view after);

}  // namespace snai::storage
