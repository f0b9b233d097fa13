// A one-off request the UI asks the sync thread to make for it (a tracking-code lookup, an online
// staff login): plain data, so the kiosk's core, which links no HTTP, can describe it and wait
// for the answer without blocking a frame. sync/ carries it out (SyncEngine::inquire); the kiosk
// hands the answer back to the UI thread through its UiQueue.
#pragma once

#include <functional>
#include <optional>
#include <string>

namespace gongshi {

struct Inquiry {
    std::string method;  // "GET" or "POST"
    std::string path;    // e.g. "/api/v1/track/AA-7KQ3M"
    std::string body;    // JSON, empty for GET
};

struct InquiryAnswer {
    std::optional<int> status;  // empty: no answer (offline, timeout, no server configured)
    std::string body;
    std::string error;  // why there is no answer, for logs and staff (never what a resident typed)
};

using InquiryDone = std::function<void(InquiryAnswer)>;  // called on the UI thread
using Inquire = std::function<void(Inquiry, InquiryDone)>;

}  // namespace gongshi
