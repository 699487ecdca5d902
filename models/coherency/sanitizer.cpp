// SPDX-License-Identifier: Apache-2.0
#include "models/coherency/sanitizer.h"

#include <algorithm>
#include <stdexcept>

namespace sim::models::coherency {

const char* kind_name(Kind kind) {
  switch (kind) {
  case Kind::kStaleRead:
    return "stale_read";
  case Kind::kUnpublishedRead:
    return "unpublished_read";
  case Kind::kLostUpdate:
    return "lost_update";
  case Kind::kDiscardedWrite:
    return "discarded_write";
  }
  return "?";
}

CoherencySanitizer::CoherencySanitizer() {
  // Version 0: what the image (boot loader) left in DRAM before time zero.
  agents_.push_back({-1, "image"});
  events_.push_back({0, 0});
}

void CoherencySanitizer::track(std::uint64_t base, std::uint64_t size) {
  if (size == 0) throw std::invalid_argument("coherency: empty tracked range");
  for (const Region& r : regions_)
    if (base < r.base + r.size && r.base < base + size)
      throw std::invalid_argument("coherency: tracked ranges overlap");
  Region r;
  r.base = base;
  r.size = size;
  r.version.assign(size, 0);
  r.value.assign(size, 0);
  regions_.push_back(std::move(r));
  last_region_ = nullptr;
}

void CoherencySanitizer::add_symbol(std::uint64_t addr, std::uint64_t size, std::string name) {
  if (size == 0) return;
  auto at = std::upper_bound(symbols_.begin(), symbols_.end(), addr,
                             [](std::uint64_t a, const Symbol& s) { return a < s.addr; });
  if ((at != symbols_.end() && at->addr < addr + size) ||
      (at != symbols_.begin() && std::prev(at)->addr + std::prev(at)->size > addr))
    throw std::invalid_argument("coherency: symbol '" + name + "' overlaps another");
  symbols_.insert(at, {addr, size, std::move(name)});
}

int CoherencySanitizer::add_cluster(std::string name, unsigned line) {
  if (line == 0 || (line & (line - 1)) != 0)
    throw std::invalid_argument("coherency: line size must be a power of two");
  ClusterShadow c;
  c.name = std::move(name);
  c.line = line;
  clusters_.push_back(std::move(c));
  agent_cache_.emplace_back();
  return static_cast<int>(clusters_.size() - 1);
}

CoherencySanitizer::Region* CoherencySanitizer::region_of(std::uint64_t addr) {
  // Accesses come in runs of neighbouring bytes: try the last region first.
  if (last_region_ != nullptr && addr - last_region_->base < last_region_->size)
    return last_region_;
  for (Region& r : regions_)
    if (addr - r.base < r.size) return last_region_ = &r;
  return nullptr;
}

bool CoherencySanitizer::overlaps_tracked(std::uint64_t addr, std::uint64_t len) const {
  for (const Region& r : regions_)
    if (addr < r.base + r.size && r.base < addr + len) return true;
  return false;
}

bool CoherencySanitizer::any_discards() const {
  for (const ClusterShadow& c : clusters_)
    if (!c.discards.empty()) return true;
  return false;
}

void CoherencySanitizer::drop_line(ClusterShadow& c,
                                   std::unordered_map<std::uint64_t, Line>::iterator it) {
  if (it->second.any_dirty) --c.dirty_lines;
  it->second.any_dirty = false;
  spare_lines_.push_back(std::move(it->second));
  c.lines.erase(it);
}

CoherencySanitizer::Line* CoherencySanitizer::find_line(int cluster, std::uint64_t addr) {
  ClusterShadow& c = clusters_[cluster];
  auto it = c.lines.find(addr & ~std::uint64_t{c.line - 1});
  return it == c.lines.end() ? nullptr : &it->second;
}

std::uint32_t CoherencySanitizer::agent(int cluster, const std::string& thread) {
  AgentCache& cache = agent_cache_[static_cast<std::size_t>(cluster)];
  if (cache.name == &thread && cache.copy == thread) return cache.id;
  auto [it, added] =
      agent_ids_.try_emplace({cluster, thread}, static_cast<std::uint32_t>(agents_.size()));
  if (added) agents_.push_back({cluster, thread});
  cache = {&thread, thread, it->second};
  return it->second;
}

std::uint32_t CoherencySanitizer::new_version(int cluster, const std::string& thread,
                                              std::uint64_t when) {
  events_.push_back({agent(cluster, thread), when});
  return static_cast<std::uint32_t>(events_.size() - 1);
}

std::uint32_t CoherencySanitizer::unpublished_copy(int reader, std::uint64_t addr,
                                                   std::uint32_t than, std::uint8_t& value) const {
  for (std::size_t i = 0; i < clusters_.size(); ++i) {
    if (static_cast<int>(i) == reader) continue;
    const ClusterShadow& c = clusters_[i];
    if (c.dirty_lines == 0) continue;
    const std::uint64_t line_addr = addr & ~std::uint64_t{c.line - 1};
    auto it = c.lines.find(line_addr);
    if (it == c.lines.end()) continue;
    const Line& l = it->second;
    const std::uint64_t off = addr - line_addr;
    const std::uint32_t v = l.version[off];
    if (l.dirty[off] != 0 && v > than && v < c.released_below) {
      value = l.value[off];
      return v;
    }
  }
  return 0;
}

void CoherencySanitizer::check_discard(int cluster, std::uint64_t addr, std::uint32_t got,
                                       std::uint8_t value, bool report) {
  auto& discards = clusters_[cluster].discards;
  if (discards.empty()) return;
  auto it = discards.find(addr);
  if (it == discards.end()) return;
  if (report && it->second.version > got) {
    issues_.push_back({Kind::kDiscardedWrite, addr, value, it->second.value, it->second.version,
                       it->second.event});
    discard_events_[it->second.event].observed = true;
  }
  discards.erase(it);
}

void CoherencySanitizer::clear_discards(std::uint64_t addr, std::uint32_t version, int except) {
  for (std::size_t i = 0; i < clusters_.size(); ++i) {
    if (static_cast<int>(i) == except) continue;
    auto& discards = clusters_[i].discards;
    if (discards.empty()) continue;
    auto it = discards.find(addr);
    if (it != discards.end() && it->second.version < version) discards.erase(it);
  }
}

// ---- reads and writes --------------------------------------------------------------------------

void CoherencySanitizer::cached_read(int cluster, const std::string& thread, std::uint64_t addr,
                                     const std::uint8_t* data, unsigned len, std::uint64_t when) {
  Line* line = find_line(cluster, addr);
  if (line == nullptr) return;
  ++stats_.reads_checked;
  const std::uint64_t line_addr = addr & ~std::uint64_t{clusters_[cluster].line - 1};
  for (unsigned i = 0; i < len; ++i) {
    const std::uint64_t b = addr + i;
    const Region* r = region_of(b);
    if (r == nullptr) continue;
    const std::uint64_t off = b - line_addr;
    if (line->dirty[off] != 0) continue;
    const std::uint32_t v = line->version[off];
    const std::uint32_t dram = r->version[b - r->base];
    std::uint8_t newer = 0;
    const std::size_t before = issues_.size();
    if (dram > v && agents_[events_[dram].agent].cluster != cluster) {
      issues_.push_back({Kind::kStaleRead, b, data[i], r->value[b - r->base], dram});
    } else if (const std::uint32_t u = unpublished_copy(cluster, b, v, newer); u != 0) {
      issues_.push_back({Kind::kUnpublishedRead, b, data[i], newer, u});
    }
    // One finding per byte: a byte already reported does not also count as a discard read back.
    check_discard(cluster, b, v, data[i], issues_.size() == before);
  }
  flush_issues({cluster, &thread, &thread, when, line, line_addr});
}

void CoherencySanitizer::uncached_read(int cluster, const std::string& thread, std::uint64_t addr,
                                       const std::uint8_t* data, unsigned len, std::uint64_t when) {
  bool any = false;
  for (unsigned i = 0; i < len; ++i) {
    const std::uint64_t b = addr + i;
    Region* r = region_of(b);
    if (r == nullptr) continue;
    any = true;
    r->value[b - r->base] = data[i];
    const std::uint32_t dram = r->version[b - r->base];
    std::uint8_t newer = 0;
    if (const std::uint32_t u = unpublished_copy(cluster, b, dram, newer); u != 0)
      issues_.push_back({Kind::kUnpublishedRead, b, data[i], newer, u});
  }
  if (any) ++stats_.reads_checked;
  flush_issues({cluster, &thread, &thread, when, nullptr, 0});
}

void CoherencySanitizer::cached_write(int cluster, const std::string& thread, std::uint64_t addr,
                                      const std::uint8_t* data, unsigned len, std::uint64_t when) {
  Line* line = find_line(cluster, addr);
  if (line == nullptr) return;
  ++stats_.writes;
  const std::uint32_t v = new_version(cluster, thread, when);
  const std::uint64_t line_addr = addr & ~std::uint64_t{clusters_[cluster].line - 1};
  auto& discards = clusters_[cluster].discards;
  for (unsigned i = 0; i < len; ++i) {
    const std::uint64_t off = addr + i - line_addr;
    line->version[off] = v;
    line->value[off] = data[i];
    line->dirty[off] = 1;
    if (!discards.empty()) discards.erase(addr + i);
  }
  if (!line->any_dirty) {
    line->any_dirty = true;
    ++clusters_[cluster].dirty_lines;
  }
}

void CoherencySanitizer::uncached_write(int cluster, const std::string& thread, std::uint64_t addr,
                                        const std::uint8_t* data, unsigned len,
                                        std::uint64_t when) {
  std::uint32_t v = 0;
  const bool discards = any_discards();
  for (unsigned i = 0; i < len; ++i) {
    const std::uint64_t b = addr + i;
    Region* r = region_of(b);
    if (r == nullptr) continue;
    if (v == 0) {
      v = new_version(cluster, thread, when);
      ++stats_.writes;
    }
    r->version[b - r->base] = v;
    r->value[b - r->base] = data[i];
    if (discards) clear_discards(b, v, -1);
  }
}

// ---- line events -------------------------------------------------------------------------------

void CoherencySanitizer::fill(int cluster, std::uint64_t line_addr, const std::uint8_t* data,
                              unsigned len, std::uint64_t when) {
  if (!overlaps_tracked(line_addr, len)) return;
  ++stats_.fills;
  auto [it, added] = clusters_[cluster].lines.try_emplace(line_addr);
  Line& line = it->second;
  if (added && !spare_lines_.empty()) {
    line = std::move(spare_lines_.back());
    spare_lines_.pop_back();
  }
  line.version.assign(len, 0);
  line.value.assign(data, data + len);
  if (!added && line.any_dirty) --clusters_[cluster].dirty_lines; // refilled, never dropped
  line.dirty.assign(len, 0);
  line.any_dirty = false;
  line.fill_ps = when;
  for (unsigned i = 0; i < len; ++i) {
    if (Region* r = region_of(line_addr + i)) {
      line.version[i] = r->version[line_addr + i - r->base];
      r->value[line_addr + i - r->base] = data[i];
    }
  }
}

void CoherencySanitizer::writeback(int cluster, const std::string& thread, std::uint64_t addr,
                                   const std::uint8_t* data, unsigned len, std::uint64_t when) {
  static const std::string kEviction = "eviction";
  Line* line = find_line(cluster, addr);
  if (line == nullptr) return;
  ++stats_.writebacks;
  ClusterShadow& c = clusters_[cluster];
  const std::uint64_t line_addr = addr & ~std::uint64_t{c.line - 1};
  // Judge against DRAM as it was, then publish.
  for (unsigned i = 0; i < len; ++i) {
    const std::uint64_t b = addr + i;
    const Region* r = region_of(b);
    if (r == nullptr) continue;
    const std::uint32_t lv = line->version[b - line_addr];
    const std::uint32_t dram = r->version[b - r->base];
    if (dram > lv && agents_[events_[dram].agent].cluster != cluster)
      issues_.push_back({Kind::kLostUpdate, b, data[i], r->value[b - r->base], dram});
  }
  flush_issues({cluster, &thread, c.cause.empty() ? &kEviction : &c.cause, when, line, line_addr});
  const bool discards = any_discards();
  for (unsigned i = 0; i < len; ++i) {
    const std::uint64_t b = addr + i;
    const std::uint64_t off = b - line_addr;
    line->dirty[off] = 0;
    Region* r = region_of(b);
    if (r == nullptr) continue;
    r->version[b - r->base] = line->version[off];
    r->value[b - r->base] = data[i];
    if (discards) clear_discards(b, line->version[off], -1);
  }
  if (line->any_dirty &&
      std::find(line->dirty.begin(), line->dirty.end(), std::uint8_t{1}) == line->dirty.end()) {
    line->any_dirty = false;
    --c.dirty_lines;
  }
}

void CoherencySanitizer::evict(int cluster, std::uint64_t line) {
  ClusterShadow& c = clusters_[cluster];
  auto it = c.lines.find(line);
  if (it != c.lines.end()) drop_line(c, it);
}

void CoherencySanitizer::invalidate(int cluster, std::uint64_t line_addr, bool discarded_dirty,
                                    std::uint64_t when) {
  ClusterShadow& c = clusters_[cluster];
  auto it = c.lines.find(line_addr);
  if (it == c.lines.end()) return;
  ++stats_.invalidations;
  if (discarded_dirty) {
    const Line& line = it->second;
    const auto event = static_cast<std::uint32_t>(discard_events_.size());
    bool any = false;
    for (std::size_t off = 0; off < line.dirty.size(); ++off) {
      if (line.dirty[off] == 0 || region_of(line_addr + off) == nullptr) continue;
      c.discards[line_addr + off] = {line.version[off], line.value[off], event};
      any = true;
    }
    if (any) {
      discard_events_.push_back({c.cause, when, false});
      ++stats_.discarded_lines;
    }
  }
  drop_line(c, it);
}

void CoherencySanitizer::maintenance_begin(int cluster, const char* op, const char* site,
                                           std::uint64_t addr, std::uint64_t len, bool skipped,
                                           std::uint64_t when) {
  ClusterShadow& c = clusters_[cluster];
  if (len == 0) return;
  const std::uint64_t mask = ~std::uint64_t{c.line - 1};
  for (std::uint64_t l = addr & mask; l <= ((addr + len - 1) & mask); l += c.line) {
    if (overlaps_tracked(l, c.line)) c.last_maintenance[l] = {op, site, when, skipped};
  }
  c.cause = skipped ? "" : site;
}

void CoherencySanitizer::maintenance_end(int cluster) {
  clusters_[cluster].cause.clear();
}

void CoherencySanitizer::reset_cluster(int cluster) {
  ClusterShadow& c = clusters_[cluster];
  while (!c.lines.empty()) drop_line(c, c.lines.begin());
  c.discards.clear();
  c.last_maintenance.clear();
  c.cause.clear();
}

void CoherencySanitizer::image_write(std::uint64_t addr, const std::uint8_t* data, unsigned len,
                                     std::uint64_t when) {
  std::uint32_t v = 0;
  for (unsigned i = 0; i < len; ++i) {
    Region* r = region_of(addr + i);
    if (r == nullptr) continue;
    if (v == 0) {
      events_.push_back({0, when}); // agent 0: the image
      v = static_cast<std::uint32_t>(events_.size() - 1);
    }
    r->version[addr + i - r->base] = v;
    r->value[addr + i - r->base] = data[i];
  }
}

void CoherencySanitizer::release(int cluster, std::uint64_t when) {
  ClusterShadow& c = clusters_[cluster];
  const auto below = static_cast<std::uint32_t>(events_.size());
  if (below == c.released_below && !c.releases.empty()) return; // nothing new written since
  c.released_below = below;
  c.releases.emplace_back(below, when);
}

std::map<std::string, std::uint64_t> CoherencySanitizer::by_kind() const {
  std::map<std::string, std::uint64_t> out;
  for (Kind k : kKinds) out[kind_name(k)] = 0;
  for (const Finding& f : findings_) out[kind_name(f.kind)] += f.count;
  return out;
}

SanitizerStats CoherencySanitizer::stats() const {
  SanitizerStats s = stats_;
  s.unobserved_discards =
      static_cast<std::uint64_t>(std::count_if(discard_events_.begin(), discard_events_.end(),
                                               [](const DiscardEvent& e) { return !e.observed; }));
  return s;
}

} // namespace sim::models::coherency
