#include <myodesk/core/client.h>

namespace myodesk::core {

template <typename Person>
std::string DisplayName(const Person& person) {
    std::string name = person.given_name;
    if (!person.preferred_name.empty() && person.preferred_name != person.given_name) {
        if (!name.empty()) {
            name += ' ';
        }
        name += "\u201C" + person.preferred_name + "\u201D";
    }
    if (!person.family_name.empty()) {
        if (!name.empty()) {
            name += ' ';
        }
        name += person.family_name;
    }
    return name;
}

template std::string DisplayName<Client>(const Client&);
template std::string DisplayName<ClientSummary>(const ClientSummary&);

}  // namespace myodesk::core
