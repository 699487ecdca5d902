// SPDX-License-Identifier: Apache-2.0
#include "models/memory/memory.h"

#include <algorithm>
#include <stdexcept>

#include "models/common/tlm_util.h"
#include "models/common/units.h"

namespace sim::models {

Memory::Memory(const MemoryConfig& cfg) : Memory(sc_core::sc_module_name(cfg.name.c_str()), cfg) {}

// The sc_module_name temporary of the delegating constructor lives until this constructor has
// finished, so the socket below is created inside this module as usual.
Memory::Memory(const sc_core::sc_module_name& name, const MemoryConfig& cfg)
    : sc_core::sc_module(name), in("in"), cfg_(cfg),
      store_(cfg.size, cfg.poison, cfg.sparse_threshold), read_latency_(ps_to_sc(cfg.read_latency)),
      write_latency_(ps_to_sc(cfg.write_latency)) {
  in.register_b_transport(this, &Memory::b_transport);
  in.register_transport_dbg(this, &Memory::transport_dbg);
  in.register_get_direct_mem_ptr(this, &Memory::get_direct_mem_ptr);
}

void Memory::load_image(const std::string& path, std::uint64_t offset) {
  store_.load_file(path, offset);
}

void Memory::load_bytes(std::uint64_t offset, const void* data, std::size_t len) {
  if (len != 0) store_.write(offset, static_cast<const std::uint8_t*>(data), len);
}

Memory::Range Memory::checked_range(std::uint64_t offset, std::uint64_t size,
                                    const char* what) const {
  if (!store_.in_range(offset, size))
    throw std::out_of_range(std::string(name()) + ": " + what + " " + format_hex(offset) + "+" +
                            format_hex(size, 1) + " outside the bank");
  return {offset, offset + size - 1};
}

void Memory::deny_dmi(std::uint64_t offset, std::uint64_t size) {
  const Range r = checked_range(offset, size, "deny_dmi");
  dmi_denied_.push_back(r);
  // Pointers handed out earlier may cover the range; only a granted DMI implies a bound socket.
  if (stats_.dmi_grants != 0) in->invalidate_direct_mem_ptr(r.first, r.last);
}

void Memory::add_observer(MemoryObserver* observer, std::uint64_t offset, std::uint64_t size) {
  if (observer == nullptr) throw std::invalid_argument(std::string(name()) + ": null observer");
  const Range r = checked_range(offset, size, "observer range");
  watches_.push_back({observer, r});
}

void Memory::remove_observer(MemoryObserver* observer) {
  watches_.erase(std::remove_if(watches_.begin(), watches_.end(),
                                [observer](const Watch& w) { return w.observer == observer; }),
                 watches_.end());
}

bool Memory::dmi_blocked(std::uint64_t first, std::uint64_t last) const {
  for (const Range& r : dmi_denied_)
    if (r.first <= last && first <= r.last) return true;
  return false;
}

void Memory::b_transport(tlm::tlm_generic_payload& p, sc_core::sc_time& delay) {
  tlm::tlm_response_status status = check_payload(p, store_.size(), true);
  const unsigned char* be = p.get_byte_enable_ptr();
  const unsigned be_len = p.get_byte_enable_length();
  if (status == tlm::TLM_OK_RESPONSE && be != nullptr && be_len == 0)
    status = tlm::TLM_BYTE_ENABLE_ERROR_RESPONSE;
  if (status != tlm::TLM_OK_RESPONSE) {
    p.set_response_status(status);
    return;
  }
  const std::uint64_t addr = p.get_address();
  const unsigned len = p.get_data_length();
  unsigned char* data = p.get_data_ptr();
  if (p.is_read()) {
    if (be == nullptr)
      store_.read(addr, data, len);
    else
      store_.read_masked(addr, data, len, be, be_len);
    ++stats_.reads;
    stats_.bytes_read += len;
    delay += read_latency_;
  } else {
    if (be == nullptr)
      store_.write(addr, data, len);
    else
      store_.write_masked(addr, data, len, be, be_len);
    ++stats_.writes;
    stats_.bytes_written += len;
    delay += write_latency_;
  }
  if (!watches_.empty()) notify(p);
  p.set_dmi_allowed(dmi_denied_.empty() || !dmi_blocked(addr, addr + len - 1));
  p.set_response_status(tlm::TLM_OK_RESPONSE);
}

void Memory::notify(const tlm::tlm_generic_payload& p) {
  const std::uint64_t first = p.get_address();
  const unsigned len = p.get_data_length();
  const std::uint64_t last = first + len - 1;
  const unsigned char* data = p.get_data_ptr();
  const unsigned char* be = p.get_byte_enable_ptr();
  const unsigned be_len = p.get_byte_enable_length();
  for (const Watch& w : watches_) {
    if (w.range.last < first || last < w.range.first) continue;
    if (p.is_read()) {
      w.observer->on_read(report_base_ + first, len);
      continue;
    }
    if (be == nullptr) {
      w.observer->on_write(report_base_ + first, len, data);
      continue;
    }
    // With byte enables only the enabled runs reached DRAM; report each run separately.
    for (unsigned i = 0; i < len;) {
      if (be[i % be_len] == 0) {
        ++i;
        continue;
      }
      unsigned j = i;
      while (j < len && be[j % be_len] != 0) ++j;
      w.observer->on_write(report_base_ + first + i, j - i, data + i);
      i = j;
    }
  }
}

unsigned Memory::transport_dbg(tlm::tlm_generic_payload& p) {
  // TLM-2.0 debug transport ignores byte enables and streaming width; accesses are clipped.
  const std::uint64_t addr = p.get_address();
  if (addr >= store_.size()) return 0;
  const auto len =
      static_cast<unsigned>(std::min<std::uint64_t>(p.get_data_length(), store_.size() - addr));
  if (len == 0) return 0;
  if (p.is_read())
    store_.read(addr, p.get_data_ptr(), len);
  else if (p.is_write())
    store_.write(addr, p.get_data_ptr(), len);
  else
    return 0;
  return len;
}

bool Memory::get_direct_mem_ptr(tlm::tlm_generic_payload& p, tlm::tlm_dmi& dmi) {
  const std::uint64_t addr = p.get_address();
  if (addr >= store_.size()) {
    dmi.set_start_address(store_.size());
    dmi.set_end_address(~0ull);
    ++stats_.dmi_denied;
    return false;
  }
  for (const Range& r : dmi_denied_) {
    if (addr >= r.first && addr <= r.last) {
      dmi.set_start_address(r.first);
      dmi.set_end_address(r.last);
      ++stats_.dmi_denied;
      return false;
    }
  }
  std::uint64_t block_first = 0, block_last = 0;
  std::uint8_t* base = store_.block(addr, block_first, block_last);
  std::uint64_t first = block_first, last = block_last;
  for (const Range& r : dmi_denied_) {
    if (r.last < addr && r.last >= first) first = r.last + 1;
    if (r.first > addr && r.first <= last) last = r.first - 1;
  }
  dmi.set_dmi_ptr(base + (first - block_first));
  dmi.set_start_address(first);
  dmi.set_end_address(last);
  dmi.allow_read_write();
  dmi.set_read_latency(read_latency_);
  dmi.set_write_latency(write_latency_);
  ++stats_.dmi_grants;
  return true;
}

} // namespace sim::models
