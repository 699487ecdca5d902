// SPDX-License-Identifier: Apache-2.0
#include "models/interconnect/router.h"

#include <algorithm>
#include <sstream>
#include <stdexcept>

#include "models/common/log.h"
#include "models/common/tlm_util.h"

namespace sim::models {

Router::Router(const RouterConfig& cfg) : Router(sc_core::sc_module_name(cfg.name.c_str()), cfg) {}

// Delegation keeps the sc_module_name alive while the sockets are built (see Memory).
Router::Router(const sc_core::sc_module_name& name, const RouterConfig& cfg)
    : sc_core::sc_module(name), in("in"), out("out"), latency_(ps_to_sc(cfg.latency)) {
  in.register_b_transport(this, &Router::b_transport);
  in.register_transport_dbg(this, &Router::transport_dbg);
  in.register_get_direct_mem_ptr(this, &Router::get_direct_mem_ptr);
  out.register_invalidate_direct_mem_ptr(this, &Router::invalidate_direct_mem_ptr);
}

void Router::map(unsigned out_port, std::uint64_t base, std::uint64_t size, std::string name) {
  if (out_port >= out.size())
    throw std::invalid_argument(std::string(this->name()) + ": region '" + name + "' uses port " +
                                std::to_string(out_port) + " but only " +
                                std::to_string(out.size()) + " targets are bound");
  const std::string region_name = name;
  map_.add(std::move(name), base, size, out_port);
  stats_.regions.push_back({region_name, 0, 0});
}

std::string Router::describe() const {
  return std::string(name()) + " address map:\n" + map_.describe();
}

const RouterRegionStats& Router::region_stats(const std::string& region) const {
  const AddressRegion* r = map_.find(region);
  if (r == nullptr) throw std::invalid_argument(std::string(name()) + ": no region " + region);
  return stats_.regions[r->id];
}

void Router::b_transport(int initiator, tlm::tlm_generic_payload& p, sc_core::sc_time& delay) {
  delay += latency_;
  const std::uint64_t addr = p.get_address();
  // A streaming access repeats over its first `streaming width` bytes only.
  const unsigned len = p.get_data_length();
  const unsigned width = p.get_streaming_width();
  const unsigned span = width != 0 && width < len ? width : len;
  const AddressRegion* r = map_.decode(addr);
  if (r == nullptr || !r->contains(addr, span)) {
    decode_error(initiator, p, r);
    return;
  }
  RouterRegionStats& s = stats_.regions[r->id];
  if (p.is_read()) ++s.reads;
  if (p.is_write()) ++s.writes;
  p.set_address(addr - r->base);
  out[static_cast<int>(r->port)]->b_transport(p, delay);
  p.set_address(addr);
}

void Router::decode_error(int initiator, tlm::tlm_generic_payload& p, const AddressRegion* near) {
  ++stats_.decode_errors;
  const char* cmd = p.is_read() ? "read" : p.is_write() ? "write" : "ignore";
  SIM_WARN(name(), "decode error: "
                       << cmd << " of " << p.get_data_length() << " bytes at "
                       << format_hex(p.get_address()) << " from initiator " << initiator
                       << (near == nullptr ? std::string(": no region")
                                           : ": straddles the end of region '" + near->name +
                                                 "' (last byte " + format_hex(near->last()) + ")"));
  p.set_response_status(tlm::TLM_ADDRESS_ERROR_RESPONSE);
}

unsigned Router::transport_dbg(int, tlm::tlm_generic_payload& p) {
  const std::uint64_t addr = p.get_address();
  const AddressRegion* r = map_.decode(addr);
  if (r == nullptr) return 0;
  const unsigned len = p.get_data_length();
  const std::uint64_t room = r->size - (addr - r->base);
  // Debug accesses may return fewer bytes; never let one spill into the next target.
  if (len > room) p.set_data_length(static_cast<unsigned>(room));
  p.set_address(addr - r->base);
  const unsigned done = out[static_cast<int>(r->port)]->transport_dbg(p);
  p.set_address(addr);
  p.set_data_length(len);
  return done;
}

bool Router::get_direct_mem_ptr(int, tlm::tlm_generic_payload& p, tlm::tlm_dmi& dmi) {
  const std::uint64_t addr = p.get_address();
  const AddressRegion* r = map_.decode(addr);
  if (r == nullptr) {
    std::uint64_t first = 0, last = 0;
    map_.gap(addr, first, last);
    dmi.set_start_address(first);
    dmi.set_end_address(last);
    dmi.allow_none();
    return false;
  }
  const std::uint64_t base = r->base;
  const std::uint64_t size = r->size;
  p.set_address(addr - base);
  const bool granted = out[static_cast<int>(r->port)]->get_direct_mem_ptr(p, dmi);
  p.set_address(addr);
  // The target speaks local offsets starting at 0 = region base, so only the end can exceed the
  // region (a target larger than its window); clipping the end keeps the pointer valid.
  std::uint64_t first = dmi.get_start_address();
  std::uint64_t last = std::min<std::uint64_t>(dmi.get_end_address(), size - 1);
  if (first > last) first = last = addr - base;
  dmi.set_start_address(base + first);
  dmi.set_end_address(base + last);
  return granted;
}

void Router::invalidate_direct_mem_ptr(int target, sc_dt::uint64 start, sc_dt::uint64 end) {
  for (const AddressRegion& r : map_.regions()) {
    if (static_cast<int>(r.port) != target || start > r.size - 1) continue;
    const std::uint64_t first = r.base + start;
    const std::uint64_t last = r.base + std::min<std::uint64_t>(end, r.size - 1);
    for (unsigned i = 0; i < in.size(); ++i)
      in[static_cast<int>(i)]->invalidate_direct_mem_ptr(first, last);
  }
}

} // namespace sim::models
