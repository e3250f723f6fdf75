// The append-only event log.
#include <algorithm>
#include <array>
#include <bit>

#include "core/clock.hpp"
#include "storage/postgres/postgres_storage_internal.hpp"
#include "storage/validate.hpp"

namespace snai::storage::pg {
namespace {

// Appends take this transaction lock, so seqs become visible in the order they were assigned:
// a reader paging by seq never skips an event that commits later with a smaller seq.
constexpr std::string_view kLockEvents = "SELECT pg_advisory_xact_lock(1936613737, 2)";

constexpr Statement kInsertEvents{
    "insert_events",
    "INSERT INTO events (type, user_id, project_id, properties, ts_ms) "
    "SELECT x.type, x.user_id, x.project_id, x.properties, x.ts_ms "
    "FROM jsonb_to_recordset($1::jsonb) AS x(i int, type text, user_id text, project_id text, properties jsonb, "
    "ts_ms bigint) ORDER BY x.i RETURNING seq"};

// One statement per combination of filter fields, so each is a plain indexable WHERE clause.
enum FilterBit { kType = 1, kUser = 2, kProject = 4, kSince = 8, kUntil = 16, kShapes = 32 };

// " AND type = $2 AND ts_ms >= $3 ...": the shape's conditions, numbered from `first`.
std::string conditions(int shape, int first) {
  std::string where;
  int n = first;
  for (auto [bit, condition] : {std::pair{kType, "type ="}, {kUser, "user_id ="}, {kProject, "project_id ="},
                                {kSince, "ts_ms >="}, {kUntil, "ts_ms <"}})
    if (shape & bit) where += fmt::format(" AND {} ${}", condition, n++);
  return where;
}

struct FilterStatements {
  std::array<std::string, kShapes> list_names, list_sql, count_names, count_sql;

  FilterStatements() {
    for (int shape = 0; shape < kShapes; ++shape) {
      int fields = std::popcount(static_cast<unsigned>(shape));
      list_names[shape] = fmt::format("list_events_{}", shape);
      list_sql[shape] = fmt::format(
          "SELECT seq, type, user_id, project_id, properties, ts_ms FROM events WHERE seq > $1{} "
          "ORDER BY seq LIMIT ${}::int",
          conditions(shape, 2), fields + 2);
      count_names[shape] = fmt::format("count_events_{}", shape);
      count_sql[shape] = fmt::format("SELECT count(*) FROM events WHERE true{}", conditions(shape, 1));
    }
  }

  Statement list(int shape) const { return {list_names[shape], list_sql[shape]}; }
  Statement count(int shape) const { return {count_names[shape], count_sql[shape]}; }
};

const FilterStatements& filter_statements() {
  static const FilterStatements statements;
  return statements;
}

// The filter's shape and its parameters, in the order conditions() numbers them.
std::pair<int, std::vector<Param>> filter_params(const EventFilter& f) {
  int shape = 0;
  std::vector<Param> params;
  if (!f.type.empty()) shape |= kType, params.emplace_back(f.type);
  if (!f.user_id.empty()) shape |= kUser, params.emplace_back(f.user_id);
  if (!f.project_id.empty()) shape |= kProject, params.emplace_back(f.project_id);
  if (f.since_ms) shape |= kSince, params.emplace_back(*f.since_ms);
  if (f.until_ms) shape |= kUntil, params.emplace_back(*f.until_ms);
  return {shape, std::move(params)};
}

Result<Event> read_event(const Rows& rows, int row) {
  auto properties = parse_stored_json(rows.text(row, 4), "properties");
  if (!properties) return fail(properties.error());
  return Event{rows.integer(row, 0), rows.text(row, 1), rows.text(row, 2), rows.text(row, 3),
               std::move(*properties), rows.integer(row, 5)};
}

}  // namespace

Result<std::vector<std::int64_t>> PostgresStorage::append_events(const std::vector<NewEvent>& events) {
  if (auto st = validate(events); !st) return fail(st.error());
  if (events.empty()) return std::vector<std::int64_t>{};

  auto now = now_unix_ms();
  Json batch = Json::array();
  for (std::size_t i = 0; i < events.size(); ++i) {
    const auto& e = events[i];
    batch.push_back({{"i", i}, {"type", e.type}, {"user_id", e.user_id}, {"project_id", e.project_id},
                     {"properties", e.properties}, {"ts_ms", e.ts_ms.value_or(now)}});
  }
  auto batch_text = to_json_text(batch);

  return with_connection(Retry::transaction, [&](Connection& conn) -> Result<std::vector<std::int64_t>> {
    return in_transaction(conn, [&]() -> Result<std::vector<std::int64_t>> {
      if (auto st = conn.exec_script(kLockEvents); !st) return fail(st.error());
      auto rows = conn.exec(kInsertEvents, {batch_text});
      if (!rows) return fail(rows.error());
      // Rows were numbered in input order (ORDER BY x.i), so the i-th smallest seq is event i's.
      std::vector<std::int64_t> seqs;
      seqs.reserve(events.size());
      for (int row = 0; row < rows->size(); ++row) seqs.push_back(rows->integer(row, 0));
      std::sort(seqs.begin(), seqs.end());
      if (seqs.size() != events.size())
        return fail(ErrorCode::internal, fmt::format("stored {} of {} events", seqs.size(), events.size()));
      return seqs;
    });
  });
}

Result<Page<Event>> PostgresStorage::list_events(const EventFilter& filter, const PageRequest& page) {
  if (auto st = validate(page); !st) return fail(st.error());
  auto after = parse_seq_cursor(page.after);
  if (!after) return fail(after.error());
  auto [shape, rest] = filter_params(filter);
  std::vector<Param> params{Param(*after)};
  params.insert(params.end(), rest.begin(), rest.end());
  params.emplace_back(page.limit + 1);
  return with_connection(Retry::idempotent, [&](Connection& conn) -> Result<Page<Event>> {
    auto rows = conn.exec(filter_statements().list(shape), params);
    if (!rows) return fail(rows.error());
    return collect_page<Event>(*rows, page.limit, read_event, [](const Event& e) { return std::to_string(e.seq); });
  });
}

Result<std::int64_t> PostgresStorage::count_events(const EventFilter& filter) {
  auto [shape, params] = filter_params(filter);
  return with_connection(Retry::idempotent, [&](Connection& conn) -> Result<std::int64_t> {
    auto rows = conn.exec(filter_statements().count(shape), params);
    if (!rows) return fail(rows.error());
    return rows->integer(0, 0);
  });
}

}  // namespace snai::storage::pg
