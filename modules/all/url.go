package all

import _ "gonode/modules/url"
