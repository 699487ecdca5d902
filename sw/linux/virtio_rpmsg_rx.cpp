// SPDX-License-Identifier: Apache-2.0
// virtio_rpmsg_bus: RX path, name service and channels (rpmsg-protocol.md §3.4, §9 B).
#include <vector>

#include "sw/hal/drop_reasons.h"
#include "sw/linux/rproc_vdev.h"
#include "sw/linux/virtio_rpmsg_bus.h"
#include "sw/linux/virtqueue.h"
#include "sw/shm/layout.h"
#include "sw/shm/ns_message.h"
#include "sw/shm/rpmsg_header_view.h"

namespace sim::sw::lnx {

void VirtioRpmsgBus::recv_done() {
  std::uint32_t len = 0;
  hal::Addr msg = rvq_->get_buf(&len);
  if (msg == 0) {
    dev_printk(KernLevel::kErr, "uhm, incoming signal, but no used buffer ?");
    ++status_.rx_no_used_buffer;
    hal_.probe(hal::signal_event(hal::ProbeKind::kRxIdle));
    return;
  }
  unsigned received = 0;
  while (msg != 0) {
    hal_.probe(hal::buffer_event(hal::ProbeKind::kRxTaken, msg));
    // An error leaves the loop: the remaining used entries wait for the next interrupt.
    if (recv_single(msg, len) != 0) break;
    ++received;
    msg = rvq_->get_buf(&len);
  }
  // The loop stopped taking buffers (ring empty, or an error left the rest for later).
  hal_.probe(hal::signal_event(hal::ProbeKind::kRxIdle));
  // Tell the remote RX buffers came back; OpenAMP's vring0 NO_NOTIFY normally suppresses it.
  if (received > 0) rvq_->kick();
}

int VirtioRpmsgBus::recv_single(hal::Addr msg, std::uint32_t len) {
  shm::RpmsgHeaderView hdr(hal_, msg);
  const std::uint32_t msg_len = hdr.len();
  // Unsigned as in C: a used length below 16 wraps and passes the second test.
  if (len > buf_size_ || msg_len > len - shm::kRpmsgHdrSize) {
    hal::ProbeEvent dropped = hal::drop_event(hal::ProbeKind::kRxDropped, hal::drop::kTooBig);
    dropped.address = msg;
    dropped.length = msg_len;
    dropped.fields = hal::kFieldLen;
    hal_.probe(dropped);
    dev_printk(KernLevel::kWarn, format("inbound msg too big: (%d, %d)", static_cast<int>(len),
                                        static_cast<int>(msg_len)));
    ++status_.rx_too_big; // and the buffer is never re-posted
    return kEinval;
  }
  const std::uint32_t dst = hdr.dst();
  auto it = endpoints_.find(dst);
  if (it != endpoints_.end()) {
    RpmsgEndpoint& ept = *it->second;
    const std::uint32_t src = hdr.src();
    ++status_.rx_messages;
    // The endpoint's callback reads the payload and reports the message handed (dev_probe).
    if (ept.cb)
      ept.cb(hdr.payload_addr(), msg_len, src);
    else
      hal_.probe(hal::message_event(hal::ProbeKind::kRxHanded, msg, src, dst, nullptr, msg_len));
  } else {
    hal::ProbeEvent dropped = hal::drop_event(hal::ProbeKind::kRxDropped, hal::drop::kNoRecipient);
    dropped.address = msg;
    dropped.dst = dst;
    dropped.length = msg_len;
    dropped.fields = hal::kFieldDst | hal::kFieldLen;
    hal_.probe(dropped);
    ++status_.rx_no_recipient;
    if (no_recipient_limit_.allow(printk(), hal_.now()))
      dev_printk(KernLevel::kWarn, "msg received with no recipient");
  }
  // Only now, after the callback, does the buffer go back to the remote.
  const int err = rvq_->add_inbuf(msg, buf_size_, msg);
  if (err < 0) {
    dev_printk(KernLevel::kErr, format("failed to add a virtqueue buffer: %d", err));
    return err;
  }
  return 0;
}

int VirtioRpmsgBus::ns_cb(hal::Addr payload, std::uint32_t len, std::uint32_t src) {
  // Handed to the name-service endpoint, which decodes the fields it needs (no payload copy).
  hal_.probe(hal::message_event(hal::ProbeKind::kRxHanded, payload - shm::kRpmsgHdrSize, src,
                                shm::kRpmsgNsAddress, nullptr, len));
  if (len != shm::kRpmsgNsMsgSize) {
    dev_printk(KernLevel::kErr, format("malformed ns msg (%d)", static_cast<int>(len)));
    return kEinval;
  }
  // "don't trust the remote processor for null terminating the name": a store into the RX
  // buffer itself, which the remote will reuse.
  hal_.write8(payload + shm::kRpmsgNsName + shm::kRpmsgNameSize - 1, 0);
  const shm::NsMessage m = shm::read_ns_message(hal_, payload);
  const bool destroy = (m.flags & shm::kRpmsgNsDestroy) != 0;
  dev_printk(KernLevel::kInfo, format("%sing channel %s addr 0x%x", destroy ? "destroy" : "creat",
                                      m.name.c_str(), m.addr));
  if (destroy)
    destroy_channel(m.name, m.addr);
  else
    create_channel(m.name, m.addr);
  return 0;
}

void VirtioRpmsgBus::create_channel(const std::string& name, std::uint32_t dst) {
  // rpmsg_find_device with src = ANY: same name and dst is a duplicate.
  for (const auto& ch : channels_) {
    if (ch->name() == name && ch->dst() == dst) {
      dev_printk(KernLevel::kErr,
                 format("channel %s:%x:%x already exist", name.c_str(), shm::kRpmsgAddrAny, dst));
      dev_printk(KernLevel::kErr, "rpmsg_create_channel failed");
      return;
    }
  }
  channels_.push_back(
      std::make_unique<RpmsgChannel>(*this, name, shm::kRpmsgAddrAny, dst, vdev_.dev_name()));
  RpmsgChannel& ch = *channels_.back();
  status_.channels_created.push_back(name);
  const std::string note = "rpmsg channel created: " + name;
  hal_.probe(hal::note_event(note));
  // The bus matches drivers by id_table name: the first one wins.
  for (RpmsgDriver* drv : drivers_) {
    if (drv != nullptr && drv->name() == name) {
      dev_probe(ch, *drv);
      break;
    }
  }
}

int VirtioRpmsgBus::dev_probe(RpmsgChannel& ch, RpmsgDriver& drv) {
  // really_probe binds the driver first; rpmsg_dev_probe creates the default endpoint.
  ch.set_driver(&drv);
  RpmsgChannel* rpdev = &ch;
  RpmsgEndpoint* ept = create_ept(
      rpdev,
      [this, rpdev](hal::Addr payload, std::uint32_t len, std::uint32_t src) {
        // The driver reads the payload in place; here one block read into a local copy.
        std::vector<std::uint8_t> data(len);
        if (len > 0) hal_.read(payload, data.data(), len);
        hal_.probe(hal::message_event(hal::ProbeKind::kRxHanded, payload - shm::kRpmsgHdrSize, src,
                                      rpdev->src(), data.data(), len));
        RpmsgDriver* d = rpdev->driver();
        return d != nullptr ? d->callback(*rpdev, data.data(), len, src) : 0;
      },
      shm::kRpmsgAddrAny);
  if (ept == nullptr) {
    ch.dev_err("failed to create endpoint");
    ch.set_driver(nullptr);
    return kEnomem;
  }
  ch.set_ept(ept);
  ch.set_src(ept->addr);
  const int err = drv.probe(ch);
  if (err != 0) {
    ch.dev_err(format("rpmsg_dev_probe: failed: %d", err));
    destroy_ept(ept);
    ch.set_ept(nullptr);
    ch.set_driver(nullptr);
  }
  return err;
}

void VirtioRpmsgBus::destroy_channel(const std::string& name, std::uint32_t dst) {
  for (auto it = channels_.begin(); it != channels_.end(); ++it) {
    RpmsgChannel& ch = **it;
    if (ch.name() != name || ch.dst() != dst) continue;
    // rpmsg_dev_remove: the driver's remove, then the endpoint goes.
    if (RpmsgDriver* drv = ch.driver()) drv->remove(ch);
    destroy_ept(ch.ept());
    ch.set_ept(nullptr);
    ch.set_driver(nullptr);
    status_.channels_destroyed.push_back(name);
    const std::string note = "rpmsg channel destroyed: " + name;
    hal_.probe(hal::note_event(note));
    removed_.push_back(std::move(*it));
    channels_.erase(it);
    return;
  }
  dev_printk(KernLevel::kErr, format("rpmsg_destroy_channel failed: %d", kEinval));
}

} // namespace sim::sw::lnx
