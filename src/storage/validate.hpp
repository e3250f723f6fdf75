// Input rules shared by both backends, checked before anything is written, so the two
// backends reject exactly the same things with the same field names.
#pragma once

#include <string>
#include <string_view>

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

// Event cursors are the decimal seq of the last event seen.
Result<std::int64_t> parse_seq_cursor(std::string_view after);

}  // namespace snai::storage
