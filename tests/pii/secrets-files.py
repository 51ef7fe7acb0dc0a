#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Real-shaped secret files for tests/pii/secrets.t (issue 11).

  secrets-files.py DIR

Writes, per shape, DIR/NAME.file (the file as the tool that uses it writes it), DIR/NAME.secret
(each secret value, one a line: no 12-character window of it may survive redaction) and
DIR/NAME.keep (placeholders in the same file that must be left as they are). The secret
values are random (fixed seed), made here in each format's own alphabet and length.
"""
import base64
import json
import os
import random
import sys

R = random.Random(1101)
UP, LO, DG = "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz", "0123456789"
ALNUM, HEX, B64 = UP + LO + DG, DG + "abcdef", UP + LO + DG + "+/"


def rs(alpha, n):
    return "".join(R.choice(alpha) for _ in range(n))


def pem(kind="PRIVATE KEY", lines=20):
    body = [rs(B64, 64) for _ in range(lines)] + [rs(B64, 40) + "=="]
    return "-----BEGIN %s-----\n%s\n-----END %s-----\n" % (kind, "\n".join(body), kind), body


def uuid():
    h = rs(HEX, 32)
    return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])


SHAPES = {}


def shape(name):
    def deco(f):
        SHAPES[name] = f
        return f
    return deco


@shape("gcp-service-account.json")
def gcp():
    key, body = pem()
    kid = rs(HEX, 40)
    doc = {"type": "service_account", "project_id": "demo-project-4411",
           "private_key_id": kid, "private_key": key,
           "client_email": "svc@demo-project-4411.iam.gserviceaccount.com",
           "client_id": "1" + rs(DG, 20), "token_uri": "https://oauth2.googleapis.com/token"}
    return json.dumps(doc, indent=2) + "\n", [kid] + body, ["service_account"]


@shape("pem-in-yaml.yaml")
def pem_yaml():
    key, body = pem("RSA PRIVATE KEY")
    txt = 'tls:\n  cert: "<redacted>"\n  key: "%s"\n' % key.replace("\n", "\\n")
    return txt, body, ["<redacted>"]


@shape("kubeconfig.yaml")
def kube():
    key, body = pem("EC PRIVATE KEY", 4)
    cert, _ = pem("CERTIFICATE", 4)
    kd = base64.b64encode(key.encode()).decode()
    cd = base64.b64encode(cert.encode()).decode()
    txt = ("apiVersion: v1\nkind: Config\nusers:\n- name: admin\n  user:\n"
           "    client-certificate-data: %s\n    client-key-data: %s\n" % (cd, kd))
    # both start with base64("-----BEGIN "): the secret part is between header and footer
    return txt, [kd[44:-60]], [cd]


@shape("docker-config.json")
def docker():
    auth = base64.b64encode(("deploy:" + rs(ALNUM, 24)).encode()).decode()
    doc = {"auths": {"registry.example.test": {"auth": auth},
                     "ghcr.io": {"auth": "${DOCKER_AUTH}"}}}
    return json.dumps(doc, indent=2) + "\n", [auth], ["${DOCKER_AUTH}"]


@shape("npmrc")
def npmrc():
    tok = uuid()
    auth = base64.b64encode(("ci:" + rs(ALNUM, 20)).encode()).decode()
    txt = ("registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=%s\n"
           "//npm.corp.test/:_auth=%s\n//npm.other.test/:_authToken=${NPM_TOKEN}\n" % (tok, auth))
    return txt, [tok, auth], ["${NPM_TOKEN}"]


@shape("aws-credentials")
def aws():
    st = "IQoJb3JpZ2luX2Vj" + rs(B64, 380)
    sk = rs(ALNUM + "/+", 40)
    txt = ("[default]\naws_access_key_id = ASIA%s\naws_secret_access_key = %s\n"
           "aws_session_token = %s\n" % (rs(UP + "234567", 16), sk, st))
    return txt, [st, sk], ["[default]"]


@shape("key.ppk")
def ppk():
    pub = [rs(B64, 64), rs(B64, 20)]
    priv = [rs(B64, 64), rs(B64, 64), rs(B64, 12) + "="]
    mac = rs(HEX, 64)
    txt = ("PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: ed25519-key-20250301\n"
           "Public-Lines: 2\n%s\nPrivate-Lines: 3\n%s\nPrivate-MAC: %s\n" % ("\n".join(pub), "\n".join(priv), mac))
    return txt, priv + [mac], ["ed25519-key-20250301"]


@shape("gitlab-ci.env")
def gitlab():
    vals = ["gldt-" + rs(ALNUM + "_-", 20), "glrt-" + rs(ALNUM + "_-", 20), "glsoat-" + rs(ALNUM, 20),
            "glptt-" + rs(HEX, 40), "GR1348941" + rs(ALNUM + "_-", 20), "glcbt-" + rs(ALNUM, 24)]
    keys = ["DEPLOY_TOKEN", "RUNNER_TOKEN", "SCIM_TOKEN", "TRIGGER", "REGISTRATION", "JOB"]
    txt = "".join("%s=%s\n" % kv for kv in zip(keys, vals)) + "EXAMPLE_TOKEN=glpat-xxxxxxxxxxxxxxxxxxxx\n"
    return txt, vals, ["glpat-xxxxxxxxxxxxxxxxxxxx"]


@shape("slack.env")
def slack():
    vals = ["xapp-1-A0%s-%s-%s" % (rs(UP + DG, 9), rs(DG, 13), rs(HEX, 64)),
            "xoxe.xoxp-1-" + rs(ALNUM, 140), "xoxe-1-" + rs(ALNUM, 120)]
    txt = "SLACK_APP_TOKEN=%s\nSLACK_USER_TOKEN=%s\nSLACK_REFRESH=%s\n" % tuple(vals)
    return txt, vals, []


@shape("azure-app.json")
def azure():
    sec = rs(ALNUM + "_~.", 3) + R.choice(DG) + "Q~" + rs(ALNUM + "_~.-", 34)
    doc = {"tenantId": uuid(), "clientId": uuid(), "clientSecret": sec}
    return json.dumps(doc, indent=2) + "\n", [sec], ["tenantId"]


@shape("pypirc")
def pypi():
    tok = "pypi-AgEIcHlwaS5vcmc" + rs(ALNUM + "_-", 160)
    txt = "[pypi]\nusername = __token__\npassword = %s\n" % tok
    return txt, [tok], ["__token__"]


@shape("twilio.env")
def twilio():
    sid, key = "AC" + rs(HEX, 32), "SK" + rs(HEX, 32)
    txt = "TWILIO_ACCOUNT_SID=%s\nTWILIO_API_KEY=%s\n" % (sid, key)
    return txt, [sid, key], []


@shape("deploy.sh")
def curl():
    pw, pw2 = rs(ALNUM, 18), rs(ALNUM, 8) + " " + rs(ALNUM, 8)
    txt = ("#!/bin/sh\ncurl -fsS -u deploy:%s https://artifacts.corp.test/upload -T out.tgz\n"
           "curl --user 'ops:%s' https://api.corp.test/v1/ping\n"
           "curl -u \"$API_USER:$API_PASS\" https://api.corp.test/v1/ping\n" % (pw, pw2))
    return txt, [pw, pw2], ["$API_USER:$API_PASS"]


@shape("settings.py")
def py():
    k, p = rs(ALNUM, 32), rs(ALNUM, 6) + " " + rs(LO, 7) + " " + rs(LO, 6)
    txt = ('API_BASE = "https://api.corp.test"\napikey = "%s"\nDB_PASSWORD = \'%s\'\n'
           'SECRET_KEY = "changeme"\nSENTRY_TOKEN = "{{ sentry_token }}"\n' % (k, p))
    return txt, [k, p], ['"changeme"', "{{ sentry_token }}"]


@shape("main.go")
def go():
    p, t = rs(ALNUM + "!#%", 14), rs(ALNUM, 30)
    txt = ('package main\n\nfunc main() {\n\tpassword := "%s"\n\tapiToken := "%s"\n'
           '\tdsn := "${DATABASE_URL}"\n\t_ = password\n}\n' % (p, t))
    return txt, [p, t], ["${DATABASE_URL}"]


@shape("auth.cpp")
def cpp():
    s, pw = rs(ALNUM, 24), rs(ALNUM + "@$", 12)
    txt = ('#include <string>\nstd::string secret("%s");\nbool check(const std::string &pw) {\n'
           '\tif (pw == "%s")\n\t\treturn true;\n\treturn pw == "<redacted>";\n}\n' % (s, pw))
    return txt, [s, pw], ["<redacted>"]


@shape("app.yaml")
def yaml_cfg():
    p = rs(ALNUM, 5) + " " + rs(ALNUM, 5) + " " + rs(ALNUM, 6)
    txt = ('db:\n  user: app\n  password: "%s"\n  api_key: "EXAMPLE"\n  token: "xxxxxxxxxxxxxxxx"\n' % p)
    return txt, [p], ['"EXAMPLE"', '"xxxxxxxxxxxxxxxx"']


@shape("app.env")
def env_compound():
    # unquoted values under compound key names; AWS's documentation keys and other
    # placeholders stay
    t, j, n = rs(ALNUM, 24), rs(ALNUM, 32), "npm_" + rs(ALNUM, 36)
    tw, sk, kb = rs(HEX, 32), rs(ALNUM + "_-", 24), rs(HEX, 128)
    txt = ("API_TOKEN=%s\nexport JWT_SECRET=%s\nARG NPM_TOKEN=%s\nTWILIO_AUTH_TOKEN=%s\n"
           "SIGNING_KEY=%s\nSECRET_KEY_BASE=%s\nPASSWORD=XXXXXXXXXXXX\n"
           "STRIPE_KEY=sk_test_xxxxxxxxxxxxxxxxxxxxxxxx\n"
           "aws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"
           "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n"
           % (t, j, n, tw, sk, kb))
    return txt, [t, j, n, tw, sk, kb], ["XXXXXXXXXXXX", "sk_test_xxxxxxxxxxxxxxxxxxxxxxxx",
                                        "AKIAIOSFODNN7EXAMPLE",
                                        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"]


@shape("settings.xml")
def xml_cfg():
    p, k, p2, k2 = rs(ALNUM, 20), rs(ALNUM, 28), rs(ALNUM + "-", 20), rs(ALNUM, 32)
    txt = ('<settings>\n  <server>\n    <id>nexus</id>\n    <username>deployment</username>\n'
           '    <password>%s</password>\n    <apiKey>%s</apiKey>\n  </server>\n'
           '  <property name="password" value="%s"/>\n  <add key="ApiKey" value="%s"/>\n'
           '  <property name="timeout" value="30"/>\n</settings>\n' % (p, k, p2, k2))
    return txt, [p, k, p2, k2], ['<property name="timeout" value="30"/>', "<id>nexus</id>"]


@shape("schema.sql")
def sql():
    p = rs(ALNUM, 18)
    txt = "CREATE USER 'report'@'%%' IDENTIFIED BY '%s';\nGRANT SELECT ON shop.* TO 'report';\n" % p
    return txt, [p], ["GRANT SELECT ON shop.* TO 'report';"]


@shape("secrets.js")
def js_quoted():
    # a pass phrase of six words, a value with an escaped quote: whole; code that names
    # where a secret is: not a secret
    words = " ".join(rs(LO, 5) for _ in range(6))
    esc = rs(ALNUM, 6) + '\\"' + rs(ALNUM, 14)
    txt = ('const passphrase = "%s";\nmodule.exports = { password: "%s" };\n'
           'const apiKey = process.env.STRIPE_SECRET_KEY;\n' % (words, esc))
    return txt, [words, esc], ["process.env.STRIPE_SECRET_KEY"]


@shape("db.conf")
def conn():
    # the password of a connection string or a JDBC URL, and not the settings after it
    p, q = rs(ALNUM, 18), rs(ALNUM, 16)
    txt = ("Server=db;Database=shop;User Id=sa;Password=%s;Encrypt=True;"
           "TrustServerCertificate=False;Connection Timeout=30;\n"
           "jdbc:mysql://db:3306/shop?user=shop&password=%s&useSSL=true&serverTimezone=UTC\n"
           "password = os.environ[\"DB_PASSWORD\"]\n" % (p, q))
    return txt, [p, q], [";Encrypt=True;TrustServerCertificate=False;Connection Timeout=30;",
                         "&useSSL=true&serverTimezone=UTC", 'os.environ["DB_PASSWORD"]']


@shape("ci-vars.sh")
def ci_vars():
    # an Azure secret that begins with '-'; curl -u with a Twilio SID and its token, where
    # the SID alone is a finding of its own
    az = "-" + rs(ALNUM, 2) + R.choice(DG) + "Q~" + rs(ALNUM + "_~.-", 34)
    sid, tok = "AC" + rs(HEX, 32), rs(HEX, 32)
    txt = ("AZURE_CLIENT_SECRET=%s\n"
           "curl -X POST https://api.twilio.com/2010-04-01/Accounts/%s/Messages.json -u %s:%s\n"
           % (az, sid, sid, tok))
    return txt, [az, sid, tok], ["https://api.twilio.com/2010-04-01/Accounts/"]


@shape("restore.sh")
def b64_wrapped():
    # a PEM key base64-encoded and wrapped as base64(1) wraps (76 columns) and openssl (64):
    # every line goes, the words after it stay
    key, _ = pem("EC PRIVATE KEY", 3)
    enc = base64.b64encode(key.encode()).decode()
    w76 = [enc[i:i + 76] for i in range(0, len(enc), 76)]
    w64 = [enc[i:i + 64] for i in range(0, len(enc), 64)]
    txt = ("base64 -d > app.key <<'EOF'\n%s\nEOF\necho done\n---\n%s\nnext step\n"
           % ("\n".join(w76), "\n".join(w64)))
    return txt, w76 + w64, ["EOF\n", "echo done", "next step"]


@shape("backup.sh")
def cli_flags():
    # passwords on command lines (curl -u with no space too); -p alone (mysql asks) and
    # $VAR, $(...) stay
    a, b, c, d = rs(ALNUM, 18), rs(ALNUM + "_", 18), rs(ALNUM, 20), rs(ALNUM, 16)
    txt = ("curl -udeploy:%s https://nexus.corp.test/\n" % d +
           "mysqldump -u root -p%s --all-databases > all.sql\n"
           "sshpass -p '%s' ssh deploy@host\ndocker login -u ci -p %s registry.corp.test\n"
           "mysql -u root -p shop\nmysql -u app -p\"$MYSQL_PWD\" shop\n"
           "docker login -u ci -p \"$(cat /run/token)\" registry.corp.test\n" % (a, b, c))
    return txt, [a, b, c, d], ["mysql -u root -p shop", '-p"$MYSQL_PWD"', '"$(cat /run/token)"']


@shape("credentials.csv")
def aws_csv():
    # IAM's credentials file, the secret on the line after its key id, and a constructor:
    # the secret follows the key id with no key name of its own
    rows = []
    secrets = []
    for _ in range(3):
        kid, sec = "AKIA" + rs("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16), rs(B64, 40)
        rows.append((kid, sec))
        secrets += [kid, sec]
    txt = ("User name,Password,Access key ID,Secret access key,Console login link\n"
           "ci-deployer,,%s,%s,https://123456789012.signin.aws.amazon.com/console\n"
           "new keys for jenkins:\n%s\n%s\n"
           "AWSCredentials c = new BasicAWSCredentials(\"%s\", \"%s\");\n"
           % (rows[0] + rows[1] + rows[2]))
    return txt, secrets, ["Console login link", "new keys for jenkins:"]


@shape("notify.js")
def twilio_positional():
    # a Twilio SID or API key and its secret as a call's two arguments
    sid, tok = "AC" + rs(HEX, 32), rs(HEX, 32)
    key, sec = "SK" + rs(HEX, 32), rs(ALNUM, 32)
    txt = ("const client = require('twilio')('%s', '%s');\n"
           "const api = require('twilio')('%s', '%s', { accountSid: 'x' });\n"
           % (sid, tok, key, sec))
    return txt, [sid, tok, key, sec], ["require('twilio')"]


@shape("compare.c")
def compares():
    # a password compared with: strcmp(), Java's equals(), JavaScript's ===
    a, b, c = rs(ALNUM + "_", 18), rs(ALNUM, 18), rs(ALNUM, 18)
    txt = ('if (strcmp(pw, "%s") == 0)\n\treturn 1;\n'
           '// Java: if (password.equals("%s")) grant();\n'
           "// JS: if (req.body.password === '%s') next();\n"
           'if (strcmp(user, "admin") == 0)\n\treturn 2;\n' % (a, b, c))
    return txt, [a, b, c], ['strcmp(user, "admin")']


def main():
    d = sys.argv[1]
    for name, f in SHAPES.items():
        txt, secrets, keep = f()
        with open(os.path.join(d, name + ".file"), "w") as fh:
            fh.write(txt)
        with open(os.path.join(d, name + ".secret"), "w") as fh:
            fh.write("".join(s + "\n" for s in secrets))
        with open(os.path.join(d, name + ".keep"), "w") as fh:
            fh.write("".join(k + "\n" for k in keep))
        print(name)


if __name__ == "__main__":
    main()
