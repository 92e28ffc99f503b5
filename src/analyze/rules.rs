//! The analyser's rules, as the worker and the command line hold them: the components it can
//! name (each in its layer, from the edge in), the signatures that recognise a line, and the
//! markers request ids follow. `content/signatures.toml` is where authors write them
//! ([`super::load`] reads it); the build writes them in the compact line form of
//! [`Rules::encode`], which the page's worker fetches.

/// Where a component stands between the browser and the application, from the outside in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Layer {
    /// A CDN or edge network (Cloudflare, CloudFront, Fastly, Akamai, Front Door).
    Edge,
    /// A load balancer or a platform's router (an ALB, Google's load balancer, Heroku's router).
    Balancer,
    /// A reverse proxy or web server in front of the application (nginx, HAProxy, Envoy…).
    Proxy,
    /// The application server itself (Gunicorn, PHP-FPM, Puma, Node.js…).
    App,
}

named!(Layer {
    Edge => "edge",
    Balancer => "balancer",
    Proxy => "proxy",
    App => "app",
});

/// A form a line must have beyond its texts, for log lines whose fixed texts are too short or
/// too common to tell them apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// nginx's error log: `2026/11/22 03:17:56 [error] 17160#17160: …`, wherever it starts on
    /// the line (after a quote mark, a container's name).
    NginxErrorLog,
    /// ingress-nginx's access log: after the user agent, the request's length and time, then
    /// the upstream's name and the alternative's in brackets (`… "curl/8.5.0" 93 15.004
    /// [shop-web-80] [] 10.244.6.15:8080 …`), which its default `log-format-upstream` adds.
    IngressNginxAccessLog,
    /// A line of one word, as an error page's footer (`nginx`, `cloudflare`) is when the page
    /// is copied from the screen; Markdown's and quotes' marks around it do not count.
    OneWord,
}

named!(Shape {
    NginxErrorLog => "nginx-error-log",
    IngressNginxAccessLog => "ingress-nginx-access-log",
    OneWord => "one-word",
});

impl Shape {
    pub fn fits(self, line: &str) -> bool {
        match self {
            Shape::NginxErrorLog => super::lines::is_nginx_error_log(line.as_bytes()),
            Shape::IngressNginxAccessLog => {
                super::lines::is_ingress_nginx_access_log(line.as_bytes())
            }
            Shape::OneWord => super::lines::is_one_word(line),
        }
    }
}

/// A component the analyser can name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Component {
    pub id: String,
    pub name: String,
    pub layer: Layer,
    /// The guide's step for it, if it has a branch of its own.
    pub node: Option<String>,
    /// Its default time limits, in seconds: an error after almost exactly one of these is a
    /// timeout at that limit.
    pub timeouts: Vec<u32>,
    /// A component built on another (Kong and ingress-nginx on nginx): where the text shows
    /// this one, the other's lines are its own.
    pub built_on: Option<String>,
}

/// One rule: a line matches when every `all` text and, if there are any, one `any` text appear
/// in it, ignoring ASCII case, no `none` text does, and it has the rule's shape if it has one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signature {
    pub id: String,
    /// The component the line comes from or names.
    pub component: Option<String>,
    /// Why the request failed, when the line says.
    pub cause: Option<String>,
    /// The status the line shows or implies.
    pub status: Option<u16>,
    /// Whether the line shows the component failing a request (an error page, an error log
    /// line), rather than only naming it (a `Server:` header, a footer).
    pub error: bool,
    /// Lower-cased texts that must all be on the line.
    pub all: Vec<String>,
    /// Lower-cased texts of which one must be on the line (none: no such condition).
    pub any: Vec<String>,
    /// Lower-cased texts that must not be on the line (`cloudflare-nginx` is not nginx).
    pub none: Vec<String>,
    /// The form the line must have, if the texts alone do not tell.
    pub shape: Option<Shape>,
    /// The guide's step for this case.
    pub node: Option<String>,
    /// Text after which the component's version follows (`nginx/` in `nginx/1.22.1`).
    pub version_after: Option<String>,
    /// Whether the texts must appear with the case they are written in (HAProxy's `SC--` and
    /// `sC--` mean different things); `all` and `any` then hold them as written.
    pub exact_case: bool,
    /// Whether the line sums the failure up in the words the component always uses (HAProxy's
    /// one 502 page for several failures, cloudflared's "Unable to reach the origin service"):
    /// its cause is what those words usually mean, and a more specific cause on any line wins.
    pub summary: bool,
    /// A line of real evidence that must match (a test checks every sample).
    pub sample: String,
}

/// A kind of request id and the lower-cased texts it follows (`cf-ray:`, `ray id:`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequestIdRule {
    pub name: String,
    /// The component that sets it (Cloudflare's Ray ID); without one, an id belongs to the
    /// component whose line it is on.
    pub component: Option<String>,
    pub after: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rules {
    pub components: Vec<Component>,
    pub signatures: Vec<Signature>,
    pub request_ids: Vec<RequestIdRule>,
}

/// A signature's yes-or-no settings in the compact form: `e` error, `c` exact case, `s` summary;
/// `-` for none.
fn flags(s: &Signature) -> String {
    let set: String = [(s.error, 'e'), (s.exact_case, 'c'), (s.summary, 's')]
        .iter()
        .filter_map(|&(on, flag)| on.then_some(flag))
        .collect();
    if set.is_empty() { "-".into() } else { set }
}

/// Separates the items of a list field in the compact form.
const ITEM: char = '\u{1f}';

impl Signature {
    /// How much of a line it asks for: how many texts, then how many characters. Of two
    /// signatures matching one line, the one that asks more is the more specific (AH01102 with
    /// the errno that explains it, over AH01102 alone).
    pub fn specificity(&self) -> (usize, usize) {
        let any = self.any.iter().map(String::len).min();
        let texts = self.all.len() + usize::from(any.is_some());
        (
            texts,
            self.all.iter().map(String::len).sum::<usize>() + any.unwrap_or(0),
        )
    }
}

impl Rules {
    pub fn component(&self, id: &str) -> Option<&Component> {
        self.components.iter().find(|component| component.id == id)
    }

    /// Writes the rules (without their samples) in the line format [`Rules::decode`] reads:
    /// tab-separated fields, `-` for none, list items separated by U+001F. The loader rejects
    /// texts that contain tabs, line breaks or that separator.
    pub fn encode(&self) -> String {
        let or_dash = |field: &Option<String>| field.clone().unwrap_or_else(|| "-".into());
        let list = |items: &[String]| {
            if items.is_empty() {
                "-".to_string()
            } else {
                items.join(&ITEM.to_string())
            }
        };
        let mut out = String::new();
        for c in &self.components {
            let timeouts: Vec<String> = c.timeouts.iter().map(u32::to_string).collect();
            let fields = [
                "C",
                &c.id,
                &c.name,
                c.layer.name(),
                &or_dash(&c.node),
                &list(&timeouts),
                &or_dash(&c.built_on),
            ];
            out.push_str(&fields.join("\t"));
            out.push('\n');
        }
        for r in &self.request_ids {
            let fields = ["R", &r.name, &or_dash(&r.component), &list(&r.after)];
            out.push_str(&fields.join("\t"));
            out.push('\n');
        }
        for s in &self.signatures {
            let status = s.status.map_or("-".into(), |status| status.to_string());
            let fields = [
                "S".to_string(),
                s.id.clone(),
                or_dash(&s.component),
                or_dash(&s.cause),
                status,
                flags(s),
                or_dash(&s.node),
                or_dash(&s.version_after),
                list(&s.all),
                list(&s.any),
                list(&s.none),
                s.shape.map_or("-".into(), |shape| shape.name().to_string()),
            ];
            out.push_str(&fields.join("\t"));
            out.push('\n');
        }
        out
    }

    pub fn decode(text: &str) -> Result<Rules, String> {
        let some = |field: &str| (field != "-").then(|| field.to_string());
        let list = |field: &str| -> Vec<String> {
            if field == "-" {
                Vec::new()
            } else {
                field.split(ITEM).map(str::to_string).collect()
            }
        };
        let corrupt = |line: &str| {
            let shown: String = line.chars().take(60).collect();
            format!("the analyser's rules are corrupt near “{shown}”")
        };
        let mut rules = Rules::default();
        for line in text.lines() {
            match line.split('\t').collect::<Vec<_>>().as_slice() {
                ["C", id, name, layer, node, timeouts, built_on] => {
                    rules.components.push(Component {
                        id: id.to_string(),
                        name: name.to_string(),
                        layer: Layer::parse(layer).ok_or_else(|| corrupt(line))?,
                        node: some(node),
                        timeouts: list(timeouts)
                            .iter()
                            .map(|t| t.parse().map_err(|_| corrupt(line)))
                            .collect::<Result<_, _>>()?,
                        built_on: some(built_on),
                    })
                }
                ["R", name, component, after] => rules.request_ids.push(RequestIdRule {
                    name: name.to_string(),
                    component: some(component),
                    after: list(after),
                }),
                [
                    "S",
                    id,
                    component,
                    cause,
                    status,
                    error,
                    node,
                    version_after,
                    all,
                    any,
                    none,
                    shape,
                ] => rules.signatures.push(Signature {
                    id: id.to_string(),
                    component: some(component),
                    cause: some(cause),
                    status: match *status {
                        "-" => None,
                        status => Some(status.parse().map_err(|_| corrupt(line))?),
                    },
                    error: error.contains('e'),
                    exact_case: error.contains('c'),
                    summary: error.contains('s'),
                    all: list(all),
                    any: list(any),
                    none: list(none),
                    shape: match *shape {
                        "-" => None,
                        shape => Some(Shape::parse(shape).ok_or_else(|| corrupt(line))?),
                    },
                    node: some(node),
                    version_after: some(version_after),
                    sample: String::new(),
                }),
                _ => return Err(corrupt(line)),
            }
        }
        Ok(rules)
    }
}
