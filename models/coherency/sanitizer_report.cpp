// SPDX-License-Identifier: Apache-2.0
// CoherencySanitizer: turning violating bytes into folded, explained findings.
#include "models/coherency/sanitizer.h"

#include <algorithm>
#include <cstdio>

#include "models/common/units.h"

namespace sim::models::coherency {
namespace {

/// Up to 8 bytes as one little-endian number (how software reads a field), else the first 16
/// bytes in address order.
std::string format_bytes(const std::vector<std::uint8_t>& bytes) {
  char buf[4];
  std::string out;
  if (bytes.size() <= 8) {
    out = "0x";
    for (auto it = bytes.rbegin(); it != bytes.rend(); ++it) {
      std::snprintf(buf, sizeof buf, "%02x", *it);
      out += buf;
    }
    return out;
  }
  for (std::size_t i = 0; i < bytes.size() && i < 16; ++i) {
    std::snprintf(buf, sizeof buf, i == 0 ? "%02x" : " %02x", bytes[i]);
    out += buf;
  }
  if (bytes.size() > 16) out += " ...";
  return out;
}

} // namespace

const CoherencySanitizer::Symbol* CoherencySanitizer::symbol_of(std::uint64_t addr) const {
  auto at = std::upper_bound(symbols_.begin(), symbols_.end(), addr,
                             [](std::uint64_t a, const Symbol& s) { return a < s.addr; });
  if (at == symbols_.begin()) return nullptr;
  const Symbol& s = *std::prev(at);
  return addr - s.addr < s.size ? &s : nullptr;
}

void CoherencySanitizer::flush_issues(const Context& ctx) {
  if (issues_.empty()) return;
  std::size_t i = 0;
  while (i < issues_.size()) {
    const Symbol* sym = symbol_of(issues_[i].addr);
    std::size_t j = i + 1;
    while (j < issues_.size() && issues_[j].kind == issues_[i].kind &&
           issues_[j].addr == issues_[j - 1].addr + 1 && symbol_of(issues_[j].addr) == sym &&
           (sym != nullptr || (issues_[j].addr ^ issues_[i].addr) < clusters_[ctx.cluster].line))
      ++j;
    // Software cannot observe a conflict whose bytes hold the same value on both sides (Linux
    // NUL-terminating a name that already ends in NUL): counted, not reported.
    bool changed = false;
    for (std::size_t k = i; k < j; ++k)
      changed = changed || issues_[k].old_value != issues_[k].new_value;
    if (changed)
      report(ctx, &issues_[i], j - i);
    else
      ++stats_.unchanged_value;
    i = j;
  }
  issues_.clear();
}

std::string CoherencySanitizer::writer_name(std::uint32_t version) const {
  const Agent& a = agents_[events_[version].agent];
  if (a.cluster < 0) return "the image";
  return clusters_[a.cluster].name + "/" + a.thread;
}

std::uint64_t CoherencySanitizer::release_after(const ClusterShadow& c,
                                                std::uint32_t version) const {
  auto it = std::upper_bound(c.releases.begin(), c.releases.end(), version,
                             [](std::uint32_t v, const std::pair<std::uint32_t, std::uint64_t>& r) {
                               return v < r.first;
                             });
  return it == c.releases.end() ? 0 : it->second;
}

void CoherencySanitizer::report(const Context& ctx, const ByteIssue* first, std::size_t n) {
  ++stats_.violations;
  const Symbol* sym = symbol_of(first->addr);
  const std::string field = sym != nullptr ? sym->name : format_hex(first->addr);
  std::string symbol = field;
  if (sym != nullptr && first->addr != sym->addr)
    symbol += "+" + std::to_string(first->addr - sym->addr);
  const ClusterShadow& c = clusters_[ctx.cluster];
  const std::string site = first->kind == Kind::kLostUpdate ? *ctx.site
                           : first->kind == Kind::kDiscardedWrite
                               ? discard_events_[first->discard].site
                               : c.name + "/" + *ctx.thread;

  auto key = std::make_tuple(first->kind, field, site);
  if (auto it = folded_.find(key); it != folded_.end()) {
    Finding& f = findings_[it->second];
    ++f.count;
    f.last_time_ps = ctx.when;
    if (violation_listener_) violation_listener_(f, ctx.when, c.name, *ctx.thread);
    return;
  }

  // The newest write among the bytes names the writer.
  const ByteIssue* newest = first;
  std::vector<std::uint8_t> old_bytes, new_bytes;
  for (std::size_t k = 0; k < n; ++k) {
    if (first[k].new_version > newest->new_version) newest = &first[k];
    old_bytes.push_back(first[k].old_value);
    new_bytes.push_back(first[k].new_value);
  }
  const WriteEvent& w = events_[newest->new_version];
  const Agent& wa = agents_[w.agent];

  Finding f;
  f.kind = first->kind;
  f.address = first->addr;
  f.size = static_cast<unsigned>(n);
  f.symbol = symbol;
  f.site = site;
  f.reader = {c.name, *ctx.thread, ctx.when, format_bytes(old_bytes)};
  f.writer = {wa.cluster < 0 ? "image" : clusters_[wa.cluster].name, wa.thread, w.time_ps,
              format_bytes(new_bytes)};
  f.line_state = line_state(ctx, *newest);
  f.hint = hint(ctx, *newest, symbol);
  f.last_time_ps = ctx.when;
  folded_.emplace(key, findings_.size());
  findings_.push_back(std::move(f));
  if (violation_listener_) violation_listener_(findings_.back(), ctx.when, c.name, *ctx.thread);
}

std::string CoherencySanitizer::line_state(const Context& ctx, const ByteIssue& issue) const {
  const ClusterShadow& c = clusters_[ctx.cluster];
  std::string s;
  if (ctx.line == nullptr) {
    s = c.name + " read DRAM directly (not cached)";
  } else {
    const std::uint64_t off = issue.addr - ctx.line_addr;
    s = c.name + " D-cache line " + format_hex(ctx.line_addr) + ": " +
        (ctx.line->dirty[off] != 0 ? "dirty" : "clean") + " byte, line filled at " +
        format_time(ctx.line->fill_ps);
    auto m = c.last_maintenance.find(ctx.line_addr);
    if (m == c.last_maintenance.end())
      s += ", no maintenance of this line so far";
    else
      s += ", last maintenance " + m->second.op + " at site " + m->second.site + " at " +
           format_time(m->second.time_ps) + (m->second.skipped ? " (skipped by a fault)" : "");
  }
  if (issue.kind == Kind::kUnpublishedRead) {
    const Agent& a = agents_[events_[issue.new_version].agent];
    s += "; " + clusters_[a.cluster].name + " D-cache holds the newer byte dirty";
  }
  return s;
}

std::string CoherencySanitizer::hint(const Context& ctx, const ByteIssue& issue,
                                     const std::string& symbol) const {
  const ClusterShadow& c = clusters_[ctx.cluster];
  const std::string writer = writer_name(issue.new_version);
  const std::string written = format_time(events_[issue.new_version].time_ps);
  switch (issue.kind) {
  case Kind::kStaleRead: {
    std::string h = "missing invalidate before read: " + c.name + " read " + symbol +
                    " from a D-cache line filled at " + format_time(ctx.line->fill_ps) + ", but " +
                    writer + " published a newer value at " + written +
                    "; invalidate the range before reading it";
    auto m = c.last_maintenance.find(ctx.line_addr);
    if (m != c.last_maintenance.end() && m->second.skipped)
      h += " (site " + m->second.site + " would have, but a fault skipped it)";
    return h;
  }
  case Kind::kUnpublishedRead: {
    const Agent& a = agents_[events_[issue.new_version].agent];
    return "missing clean after write: " + writer + " wrote " + symbol + " at " + written +
           " and signalled its peer at " +
           format_time(release_after(clusters_[a.cluster], issue.new_version)) +
           " while the value was still only in its D-cache; clean the range before notifying";
  }
  case Kind::kLostUpdate:
    return lost_update_hint(ctx, issue, symbol);
  case Kind::kDiscardedWrite: {
    const DiscardEvent& d = discard_events_[issue.discard];
    return "the invalidate at site " + (d.site.empty() ? std::string("?") : d.site) + " at " +
           format_time(d.time_ps) + " dropped " + writer + "'s write of " + symbol + " from " +
           written + " before it reached DRAM, and " + c.name +
           " later read the old value: clean+invalidate (DC CIVAC) the range instead";
  }
  }
  return "";
}

std::string CoherencySanitizer::lost_update_hint(const Context& ctx, const ByteIssue& issue,
                                                 const std::string& symbol) const {
  const ClusterShadow& c = clusters_[ctx.cluster];
  const std::string writer = writer_name(issue.new_version);
  const std::string written = format_time(events_[issue.new_version].time_ps);
  const std::string wb = "the write-back of " + c.name + " line " + format_hex(ctx.line_addr) +
                         " (" + *ctx.site + ") put back ";
  const Line& line = *ctx.line;
  const std::uint64_t off = issue.addr - ctx.line_addr;
  if (line.dirty[off] != 0) {
    const std::uint64_t own = events_[line.version[off]].time_ps;
    return wb + c.name + "'s own older write of " + symbol + " (from " + format_time(own) +
           ") over " + writer + "'s newer value from " + written + ": " + c.name +
           " kept the line dirty after handing the memory over; clean the range right after "
           "writing it (or do not write memory the other side owns)";
  }
  // The byte was clean: name what made the line dirty, the write that carried it back.
  std::string because;
  for (std::size_t k = 0; k < line.dirty.size(); ++k) {
    if (line.dirty[k] == 0) continue;
    const Symbol* sym = symbol_of(ctx.line_addr + k);
    because = ", because " + c.name + " had written " +
              (sym != nullptr ? sym->name : format_hex(ctx.line_addr + k)) + " in that line (at " +
              format_time(events_[line.version[k]].time_ps) + ")";
    break;
  }
  return wb + symbol + ", which " + c.name + " did not write, over " + writer + "'s value from " +
         written + because +
         ": the line holds data both sides write; give each side's writes lines of their own "
         "(vring_align >= the line size, buffers line-aligned and not written by the reader), "
         "or clean own writes before the other side may write the line";
}

} // namespace sim::models::coherency
