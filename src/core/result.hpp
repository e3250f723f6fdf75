// Errors as values: every part returns Result<T> for failures a caller can expect
// (bad input, not found, unavailable) and throws only when a request cannot go on.
// The HTTP layer maps ErrorCode to a status in one place; the CLI maps it to an exit code.
//
//   Result<User> find(std::string_view id) {
//     if (id.empty()) return fail(ErrorCode::invalid_argument, "id is empty", "id");
//     ...
//   }
#pragma once

#include <expected>
#include <string>
#include <string_view>
#include <utility>

namespace snai {

enum class ErrorCode {
  invalid_argument,  // the caller sent something malformed or out of range
  not_found,
  conflict,          // already exists, or a concurrent change won
  unauthenticated,
  permission_denied,
  unavailable,       // a dependency (database, network) cannot be reached right now
  failed_precondition,  // the system is not in a state to do this (e.g. schema too new)
  data_corrupt,      // stored data cannot be read
  internal,
};

std::string_view to_string(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::internal;
  std::string message;
  std::string field;  // the input field at fault, when there is one

  // "not_found: project 42 does not exist"
  std::string describe() const;
};

template <class T>
using Result = std::expected<T, Error>;

// Result<void> reads better as Status at call sites that only succeed or fail.
using Status = std::expected<void, Error>;

inline std::unexpected<Error> fail(ErrorCode code, std::string message, std::string field = {}) {
  return std::unexpected<Error>(Error{code, std::move(message), std::move(field)});
}

inline std::unexpected<Error> fail(Error error) { return std::unexpected<Error>(std::move(error)); }

inline Status ok() { return {}; }

}  // namespace snai
