// SPDX-License-Identifier: Apache-2.0
#include "sim/report/message_log.h"

#include <cstdio>

#include "models/common/units.h"

namespace sim::app {
namespace {

/// Appends `"key":` and a value to a JSON object being written by hand.
class Line {
public:
  Line() { out_ = "{"; }
  Line& str(const char* key, std::string_view value) {
    this->key(key);
    quote(value);
    return *this;
  }
  Line& num(const char* key, std::uint64_t value) {
    this->key(key);
    out_ += std::to_string(value);
    return *this;
  }
  Line& boolean(const char* key, bool value) {
    this->key(key);
    out_ += value ? "true" : "false";
    return *this;
  }
  /// Opens a nested object under `key`; close() ends it.
  Line& open(const char* key) {
    this->key(key);
    out_ += '{';
    first_ = true;
    return *this;
  }
  Line& close() {
    out_ += '}';
    first_ = false;
    return *this;
  }
  std::string done() {
    out_ += '}';
    return std::move(out_);
  }

private:
  void key(const char* k) {
    if (!first_) out_ += ',';
    first_ = false;
    out_ += '"';
    out_ += k;
    out_ += "\":";
  }
  void quote(std::string_view s) {
    out_ += '"';
    for (char c : s) {
      const auto u = static_cast<unsigned char>(c);
      if (c == '"' || c == '\\') {
        out_ += '\\';
        out_ += c;
      } else if (u < 0x20) {
        char esc[8];
        std::snprintf(esc, sizeof esc, "\\u%04x", u);
        out_ += esc;
      } else {
        out_ += c; // UTF-8 passes through; a stray byte above 0x7f is the name the stack saw
      }
    }
    out_ += '"';
  }

  std::string out_;
  bool first_ = true;
};

} // namespace

std::string message_json_line(const Ledger::Record& rec) {
  Line l;
  l.num("id", rec.id)
      .str("channel", rec.channel)
      .str("direction", direction_key(rec.direction))
      .str("sender", rec.sender.text())
      .str("src", format_hex(rec.src, 1))
      .str("dst", format_hex(rec.dst, 1))
      .num("length", rec.length)
      .str("state", rec.state)
      .num("sent_ns", rec.sent_ps / kPsPerNs);
  if (rec.buffer != 0) l.str("buffer", format_hex(rec.buffer));
  if (rec.receiver) l.str("receiver", rec.receiver->text());
  if (rec.consumer && rec.consumer != rec.receiver) l.str("consumer", rec.consumer->text());
  if (rec.state == "delivered" || rec.state == "corrupted")
    l.num("received_ns", rec.received_ps / kPsPerNs)
        .num("latency_ns", (rec.received_ps - rec.sent_ps) / kPsPerNs);
  if (rec.read_as != 0) l.num("read_as", rec.read_as);
  if (rec.state == "dropped")
    l.str("reason", rec.reason)
        .str("dropped_by", actor_text(rec.dropped_by))
        .num("dropped_ns", rec.dropped_ps / kPsPerNs);
  if (rec.state == "in_flight") l.str("where", rec.where);
  if (rec.echo_of != 0) l.num("echo_of", rec.echo_of);
  if (rec.echo_repeat) l.boolean("echo_repeat", true);
  if (rec.stages.kicks_lost != 0) l.num("kicks_lost", rec.stages.kicks_lost);
  if (rec.stages.seen != 0) {
    l.open("stages_ns");
    for (unsigned i = 0; i < kMessageStageCount; ++i) {
      const auto s = static_cast<MessageStage>(i);
      if (rec.stages.has(s)) l.num(stage_name(s), rec.stages.at(s) / kPsPerNs);
    }
    l.close();
  }
  return l.done();
}

void write_message_log(std::ostream& os, const std::vector<Ledger::Record>& records,
                       const std::string& pad) {
  bool first = true;
  for (const Ledger::Record& rec : records) {
    if (!first) os << ",\n";
    os << pad << message_json_line(rec);
    first = false;
  }
}

} // namespace sim::app
