// The append-only event log.
#include "core/clock.hpp"
#include "storage/sqlite/sqlite_storage_internal.hpp"
#include "storage/stored_json.hpp"
#include "storage/validate.hpp"

namespace snai::storage::sqlite {
namespace {

// Appends " AND column = ?" clauses for the filter's set fields; binds them from index 1.
struct EventWhere {
  std::string sql = " WHERE 1=1";
  std::vector<std::string> text_args;
  std::vector<std::int64_t> int_args;

  explicit EventWhere(const EventFilter& f) {
    if (!f.type.empty()) sql += " AND type = ?", text_args.push_back(f.type);
    if (!f.user_id.empty()) sql += " AND user_id = ?", text_args.push_back(f.user_id);
    if (!f.project_id.empty()) sql += " AND project_id = ?", text_args.push_back(f.project_id);
    if (f.since_ms) sql += " AND ts_ms >= ?", int_args.push_back(*f.since_ms);
    if (f.until_ms) sql += " AND ts_ms < ?", int_args.push_back(*f.until_ms);
  }
  int bind(Statement& s) const {
    int i = 0;
    for (const auto& t : text_args) s.bind(++i, t);
    for (auto v : int_args) s.bind(++i, v);
    return i;
  }
};

Result<Event> read_event(const Statement& s) {
  auto properties = parse_stored_json(s.text(4), "properties");
  if (!properties) return fail(properties.error());
  return Event{s.integer(0), s.text(1), s.text(2), s.text(3), std::move(*properties), s.integer(5)};
}

}  // namespace

Result<std::vector<std::int64_t>> SqliteStorage::append_events(const std::vector<NewEvent>& events) {
  if (auto st = validate(events); !st) return fail(st.error());
  auto conn = pool_.lease();
  if (!conn) return fail(conn.error());
  return in_transaction(**conn, [&]() -> Result<std::vector<std::int64_t>> {
    std::vector<std::int64_t> seqs;
    seqs.reserve(events.size());
    auto s = (*conn)->prepare("INSERT INTO events (type, user_id, project_id, properties, ts_ms) VALUES (?, ?, ?, ?, ?)");
    if (!s) return fail(s.error());
    auto now = now_unix_ms();
    for (const auto& e : events) {
      if (auto st = s->bind_all(e.type, e.user_id, e.project_id, to_json_text(e.properties), e.ts_ms.value_or(now)).run();
          !st)
        return fail(st.error());
      seqs.push_back((*conn)->last_insert_rowid());
    }
    return seqs;
  });
}

Result<Page<Event>> SqliteStorage::list_events(const EventFilter& filter, const PageRequest& page) {
  if (auto st = validate(page); !st) return fail(st.error());
  auto after = parse_seq_cursor(page.after);
  if (!after) return fail(after.error());
  EventWhere where(filter);
  auto list = [&](Statement& s) {
    int i = where.bind(s);
    s.bind(i + 1, *after).bind(i + 2, page.limit + 1);
    return collect_page<Event>(s, page.limit, read_event, [](const Event& e) { return std::to_string(e.seq); });
  };
  return with_statement(
      "SELECT seq, type, user_id, project_id, properties, ts_ms FROM events" + where.sql +
          " AND seq > ? ORDER BY seq LIMIT ?",
      list);
}

Result<std::int64_t> SqliteStorage::count_events(const EventFilter& filter) {
  EventWhere where(filter);
  auto count = [&](Statement& s) {
    where.bind(s);
    return read_one<std::int64_t>(s, [](const Statement& row) { return row.integer(0); },
                                  [] { return fail(ErrorCode::internal, "count(*) returned no row"); });
  };
  return with_statement("SELECT count(*) FROM events" + where.sql, count);
}

}  // namespace snai::storage::sqlite
