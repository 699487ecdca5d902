// SPDX-License-Identifier: Apache-2.0
#include "sim/run/access_trace.h"

#include <algorithm>
#include <cstring>

#include "models/common/units.h"

namespace sim::app {
namespace {

constexpr std::size_t kValueBytes = 8; ///< what an access keeps of its data, for context

using Op = SharedAccess::Op;

/// The value as a little-endian number for fields up to 8 bytes, else its first bytes in hex.
std::string format_value(const std::vector<std::uint8_t>& bytes, std::uint64_t size) {
  if (size <= kValueBytes) {
    std::uint64_t value = 0;
    for (std::size_t i = bytes.size(); i-- > 0;) value = value << 8 | bytes[i];
    return format_hex(value, static_cast<int>(2 * size));
  }
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (std::uint8_t b : bytes) {
    out += digits[b >> 4];
    out += digits[b & 0xf];
  }
  return out + "...";
}

std::optional<Op> maintenance_op(const char* op) {
  // Cluster::maintenance's names (models/cpu/cluster.cpp).
  if (std::strcmp(op, "dcache clean") == 0) return Op::kClean;
  if (std::strcmp(op, "dcache invalidate") == 0) return Op::kInvalidate;
  if (std::strcmp(op, "dcache clean+invalidate") == 0) return Op::kCleanInvalidate;
  return std::nullopt;
}

} // namespace

AccessRecorder::AccessRecorder(std::vector<WatchedRange> ranges, sw::shm::SymbolMap symbols,
                               std::uint64_t line_size)
    : ranges_(std::move(ranges)), symbols_(std::move(symbols)),
      line_size_(std::max<std::uint64_t>(line_size, 1)) {}

bool AccessRecorder::watched(std::uint64_t addr) const {
  return std::any_of(ranges_.begin(), ranges_.end(), [addr](const WatchedRange& r) {
    return addr >= r.base && addr - r.base < r.size;
  });
}

void AccessRecorder::on_read(std::uint64_t addr, const std::uint8_t* data, unsigned len,
                             bool /*hit*/, std::uint64_t when_ps) {
  access(false, true, addr, data, len, when_ps);
}

void AccessRecorder::on_write(std::uint64_t addr, const std::uint8_t* data, unsigned len,
                              bool /*hit*/, std::uint64_t when_ps) {
  access(true, true, addr, data, len, when_ps);
}

void AccessRecorder::on_uncached(bool is_write, std::uint64_t addr, const std::uint8_t* data,
                                 unsigned len, bool device, std::uint64_t when_ps) {
  if (!device) access(is_write, false, addr, data, len, when_ps);
}

void AccessRecorder::access(bool write, bool cached, std::uint64_t addr, const std::uint8_t* data,
                            unsigned len, std::uint64_t when_ps) {
  if (len == 0 || !watched(addr)) return;
  // Cut at field boundaries: each piece belongs to one field or to unnamed bytes.
  const std::vector<sw::shm::Symbol>& all = symbols_.symbols();
  const std::uint64_t end = addr + len;
  std::uint64_t at = addr;
  while (at < end) {
    const sw::shm::Symbol* field = symbols_.find(at);
    std::uint64_t piece_end = end;
    if (field != nullptr) {
      piece_end = std::min(end, field->addr + field->size);
    } else {
      const auto next =
          std::upper_bound(all.begin(), all.end(), at,
                           [](std::uint64_t a, const sw::shm::Symbol& s) { return a < s.addr; });
      if (next != all.end()) piece_end = std::min(end, next->addr);
    }
    piece(write, cached, at, data + (at - addr), static_cast<unsigned>(piece_end - at), when_ps,
          field);
    at = piece_end;
  }
}

void AccessRecorder::piece(bool write, bool cached, std::uint64_t addr, const std::uint8_t* data,
                           unsigned len, std::uint64_t when_ps, const sw::shm::Symbol* field) {
  const Op op = write ? Op::kWrite : Op::kRead;
  if (joinable_ && !accesses_.empty()) {
    SharedAccess& last = accesses_.back();
    const bool same = !last.maintenance() && last.op == op && last.cached == cached &&
                      last_field_ == field && (field != nullptr || last.addr + last.size == addr);
    if (same && (last.addr + last.size == addr || addr + len == last.addr)) {
      // A further piece of the same field, in either direction: one access.
      const bool before = addr + len == last.addr;
      std::vector<std::uint8_t>& bytes = last_bytes_;
      if (before) {
        std::vector<std::uint8_t> joined(data, data + len);
        joined.insert(joined.end(), bytes.begin(), bytes.end());
        bytes = std::move(joined);
        last.addr = addr;
        last.name = symbols_.describe(addr);
      } else {
        bytes.insert(bytes.end(), data, data + len);
      }
      if (bytes.size() > kValueBytes) bytes.resize(kValueBytes);
      last.size += len;
      last.value = format_value(bytes, last.size);
      return;
    }
  }
  SharedAccess a;
  a.op = op;
  a.addr = addr;
  a.size = len;
  a.time_ps = when_ps;
  a.name = symbols_.describe(addr);
  a.cached = cached;
  last_bytes_.assign(data, data + std::min<std::size_t>(len, kValueBytes));
  a.value = format_value(last_bytes_, len);
  accesses_.push_back(std::move(a));
  last_field_ = field;
  joinable_ = true;
}

void AccessRecorder::on_maintenance(const char* op_text, const char* site, std::uint64_t addr,
                                    std::uint64_t len, bool skipped, std::uint64_t when_ps) {
  const std::optional<Op> op = maintenance_op(op_text);
  if (!op || len == 0) return;
  joinable_ = false; // maintenance anywhere parts the pieces of an access around it
  const std::uint64_t first = addr / line_size_ * line_size_;
  const std::uint64_t end = (addr + len + line_size_ - 1) / line_size_ * line_size_;
  if (!watched(first) && !watched(end - 1)) return;
  if (!accesses_.empty()) {
    SharedAccess& last = accesses_.back();
    if (last.op == *op && last.skipped == skipped && last.addr + last.size == first) {
      last.size = end - last.addr; // the next lines of one loop over a range
      return;
    }
  }
  SharedAccess a;
  a.op = *op;
  a.addr = first;
  a.size = end - first;
  a.time_ps = when_ps;
  a.site = site;
  a.skipped = skipped;
  // Named by the first field it covers (the line may start in padding).
  const std::vector<sw::shm::Symbol>& all = symbols_.symbols();
  const auto in = std::lower_bound(
      all.begin(), all.end(), first,
      [](const sw::shm::Symbol& s, std::uint64_t at) { return s.addr + s.size <= at; });
  a.name = in != all.end() && in->addr < end ? symbols_.describe(std::max(first, in->addr))
                                             : format_hex(first);
  accesses_.push_back(std::move(a));
  last_field_ = nullptr;
}

} // namespace sim::app
