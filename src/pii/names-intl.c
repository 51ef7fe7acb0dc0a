/* SPDX-License-Identifier: GPL-3.0-or-later */
/* People's names, street addresses and places in the scripts without capital letters: Han
 * and kana (Chinese, Japanese), Hangul, Arabic, Devanagari, Hebrew and Thai (issue 11).
 * names.c's walk visits capitalised words only, so these scripts had no path at all; an
 * independent corpus (attack 14) had 124 such labels and none was found
 * (docs/design/ARCHITECTURE.md, "Names in scripts without capitals").
 *
 * Only context of high precision decides, since a word of these scripts carries no shape of
 * a name: a field label before the name (姓名：, 氏名:, 성명:, الاسم:, नाम:, name:), a title
 * before it (السيد, श्री, מר, นาย, Mr) or an honorific after it (先生, 様, さん, 씨, 님, जी),
 * a name of the lexicon's given names and surnames in that script (data/lexicon/names-intl.txt,
 * compiled into lexicon.h's table with the Latin names: خالد عبد الرحمن الشمري, सुनीता शर्मा),
 * a Han or Hangul name in parentheses beside its romanised form; an address's own markers
 * (路/街 + 号, 丁目/番地, 로/길 + number, شارع, मार्ग, רחוב, ถนน) and its administrative
 * units (省, 市, 区, 県, 구, 동); a place of the lexicon (its cities, regions and iso-codes'
 * translated country names). A word of these scripts alone, without any of these, is never
 * a name. Cyrillic and Greek have capitals: names.c reads them, with the same lexicon.
 *
 * Cost: the walk looks for the lead bytes of these scripts 16 at a time; text without them
 * (ASCII, Latin, Cyrillic, Greek, punctuation such as “ ” and —) costs one load and compare
 * per 16 bytes. Nothing here allocates.
 */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "pii/lexicon.h"
#include "pii/names.h"
#include "pii/patterns.h"

enum script { SC_OTHER, SC_HAN, SC_KANA, SC_HANGUL, SC_ARABIC, SC_DEVA, SC_HEBREW, SC_THAI,
              SC_GEOR, SC_ARMN };

#define NAME_WORDS_MAX 4 /* words of a name after a label or title (Arabic: given, father, ...) */
#define HAN_NAME_MAX 4   /* Han characters of one name (欧阳晓峰; 佐々木健太) */
#define KEY_MAX 63       /* lexicon keys (gen-lexicon's MAX_KEY) */
#define TH_WORD_MAX 45   /* bytes of a Thai given name or surname (15 letters and marks) */

struct iw {
        const char *b;
        size_t len;
        pii_names_emit_fn emit;
        void *ud;
        size_t done; /* findings end here at least: no overlapping second finding */
};

/* ---- code points -------------------------------------------------------------------- */

/* The code point at i and its length in *n (1 for a byte that starts no valid sequence). */
static unsigned cp_at(const char *s, size_t len, size_t i, size_t *n)
{
        const unsigned char *b = (const unsigned char *)s + i;
        size_t left = len - i;

        *n = 1;
        if (b[0] < 0x80)
                return b[0];
        if (b[0] >= 0xc2 && b[0] < 0xe0 && left >= 2 && (b[1] & 0xc0) == 0x80) {
                *n = 2;
                return ((b[0] & 0x1fu) << 6) | (b[1] & 0x3fu);
        }
        if (b[0] >= 0xe0 && b[0] < 0xf0 && left >= 3 && (b[1] & 0xc0) == 0x80 &&
            (b[2] & 0xc0) == 0x80) {
                *n = 3;
                return ((b[0] & 0x0fu) << 12) | ((b[1] & 0x3fu) << 6) | (b[2] & 0x3fu);
        }
        if (b[0] >= 0xf0 && b[0] < 0xf5 && left >= 4 && (b[1] & 0xc0) == 0x80 &&
            (b[2] & 0xc0) == 0x80 && (b[3] & 0xc0) == 0x80) {
                *n = 4;
                return ((b[0] & 0x07u) << 18) | ((b[1] & 0x3fu) << 12) | ((b[2] & 0x3fu) << 6) |
                       (b[3] & 0x3fu);
        }
        return 0xfffd;
}

static enum script script_of(unsigned c)
{
        if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) ||
            (c >= 0xf900 && c <= 0xfaff) || c == 0x3005 /* 々 */)
                return SC_HAN;
        if ((c >= 0x3041 && c <= 0x30ff && c != 0x30fb) || (c >= 0x31f0 && c <= 0x31ff))
                return SC_KANA;
        if (c >= 0xac00 && c <= 0xd7a3)
                return SC_HANGUL;
        if ((c >= 0x0620 && c <= 0x065f) || (c >= 0x066e && c <= 0x06d3) || c == 0x06d5 ||
            c == 0x0670)
                return SC_ARABIC;
        /* Devanagari, and the other Indic scripts (Bengali, Gurmukhi, Gujarati, Oriya,
         * Tamil, Telugu, Kannada, Malayalam) read by the same rules, danda and digits apart */
        if ((c >= 0x0900 && c <= 0x0963) || (c >= 0x0971 && c <= 0x097f) ||
            (c >= 0x0980 && c <= 0x0d7f && (c & 0x7f) < 0x66))
                return SC_DEVA;
        if ((c >= 0x10a0 && c <= 0x10ff) || (c >= 0x1c90 && c <= 0x1cbf))
                return SC_GEOR;
        if (c >= 0x0531 && c <= 0x0587)
                return SC_ARMN;
        if ((c >= 0x05d0 && c <= 0x05ea) || (c >= 0x05b0 && c <= 0x05c7) ||
            (c >= 0x05f0 && c <= 0x05f4))
                return SC_HEBREW;
        if (c >= 0x0e01 && c <= 0x0e4e)
                return SC_THAI;
        return SC_OTHER;
}

static enum script script_at(const struct iw *w, size_t i, size_t *n)
{
        if (i >= w->len) {
                *n = 0;
                return SC_OTHER;
        }
        return script_of(cp_at(w->b, w->len, i, n));
}

/* A digit: ASCII, fullwidth (０-９), Arabic-Indic (٠-٩, ۰-۹), Devanagari (०-९), Thai (๐-๙). */
static bool digit_cp(unsigned c)
{
        return (c >= '0' && c <= '9') || (c >= 0xff10 && c <= 0xff19) ||
               (c >= 0x0660 && c <= 0x0669) || (c >= 0x06f0 && c <= 0x06f9) ||
               (c >= 0x0966 && c <= 0x096f) || (c >= 0x0e50 && c <= 0x0e59);
}

static bool digit_at(const struct iw *w, size_t i, size_t *n)
{
        return i < w->len && digit_cp(cp_at(w->b, w->len, i, n));
}

/* The start of the code point that ends at e (e > 0). */
static size_t cp_back(const struct iw *w, size_t e)
{
        size_t s = e - 1;

        while (s > 0 && e - s < 4 && ((unsigned char)w->b[s] & 0xc0) == 0x80)
                s--;
        return s;
}

static bool has(const struct iw *w, size_t i, const char *lit)
{
        size_t n = strlen(lit);

        return i + n <= w->len && memcmp(w->b + i, lit, n) == 0;
}

static bool has_before(const struct iw *w, size_t e, const char *lit)
{
        size_t n = strlen(lit);

        return e >= n && memcmp(w->b + e - n, lit, n) == 0;
}

/* The longest entry of a NULL-terminated list at i: its length, 0 for none. */
static size_t lit_at(const struct iw *w, size_t i, const char *const *list)
{
        size_t best = 0;

        for (; *list; list++)
                if (strlen(*list) > best && has(w, i, *list))
                        best = strlen(*list);
        return best;
}

static size_t lit_before(const struct iw *w, size_t e, const char *const *list)
{
        size_t best = 0;

        for (; *list; list++)
                if (strlen(*list) > best && has_before(w, e, *list))
                        best = strlen(*list);
        return best;
}

static unsigned lex(const struct iw *w, size_t s, size_t e)
{
        char k[KEY_MAX + 1];
        unsigned f;
        bool fold = false;

        if (e <= s || e - s > KEY_MAX)
                return 0;
        f = pii_lex_lookup(w->b + s, e - s);
        if (f)
                return f;
        /* Persian and Urdu write ی and ک where Arabic has ي and ك (مریم, مريم): the same
         * two bytes' length, so the key folds in place */
        memcpy(k, w->b + s, e - s);
        for (size_t i = 0; i + 1 < e - s; i++) {
                unsigned char a = (unsigned char)k[i], b = (unsigned char)k[i + 1];

                if (a == 0xdb && b == 0x8c) {
                        k[i] = (char)0xd9;
                        k[i + 1] = (char)0x8a;
                        fold = true;
                } else if (a == 0xda && b == 0xa9) {
                        k[i] = (char)0xd9;
                        k[i + 1] = (char)0x83;
                        fold = true;
                }
        }
        return fold ? pii_lex_lookup(k, e - s) : 0;
}

#define LEX_PLACE (LEX_CITY | LEX_REGION | LEX_COUNTRY)

static int put(struct iw *w, size_t s, size_t e, unsigned type, unsigned nd)
{
        if (e <= s || s < w->done)
                return 0;
        w->done = e;
        return w->emit(w->ud, s, e, type, nd, 0.85f);
}

/* ---- words of the scripts with spaces (Hangul, Arabic, Devanagari, Hebrew, Thai) ------ */

/* The end of the word of script sc at i: letters of sc (and, for Hebrew, a geresh written
 * as ' or " inside or after an abbreviation: ד"ר, גב'). */
static size_t word_end(const struct iw *w, size_t i, enum script sc)
{
        size_t n;

        while (i < w->len) {
                if (script_at(w, i, &n) == sc) {
                        i += n;
                        continue;
                }
                if (sc == SC_HEBREW && (w->b[i] == '\'' ||
                                        (w->b[i] == '"' && i + 1 < w->len &&
                                         script_at(w, i + 1, &n) == SC_HEBREW))) {
                        i++;
                        continue;
                }
                if (sc == SC_DEVA && has(w, i, "\xe2\x80\x8c")) { /* ZWNJ inside a word */
                        i += 3;
                        continue;
                }
                break;
        }
        return i;
}

/* The next word of script sc after e: one space (or a tab) between, on the same line. */
static bool next_word(const struct iw *w, size_t e, enum script sc, size_t *ret_s,
                      size_t *ret_e)
{
        size_t n;

        if (e >= w->len || (w->b[e] != ' ' && w->b[e] != '\t'))
                return false;
        e++;
        if (script_at(w, e, &n) != sc)
                return false;
        *ret_s = e;
        *ret_e = word_end(w, e, sc);
        return true;
}

static bool in_list(const struct iw *w, size_t s, size_t e, const char *const *list)
{
        for (; *list; list++)
                if (strlen(*list) == e - s && memcmp(w->b + s, *list, e - s) == 0)
                        return true;
        return false;
}

/* ---- labels before a name ------------------------------------------------------------- */

/* Field labels a name follows, after ':' or '：' (or '=' in key=value text). CJK labels are
 * matched as the end of the word before the colon (患者姓名 ends with 姓名). */
static const char *const name_labels[] = {
        /* Chinese */
        "姓名", "名字", "联系人", "聯絡人", "聯繫人", "收件人", "收货人", "收貨人", "寄件人",
        "发件人", "發件人", "申请人", "申請人", "患者", "病人", "客户", "客戶", "投诉人",
        "投訴人", "证人", "證人", "负责人", "負責人", "经办人", "經辦人", "签名", "簽名",
        "法定代表人", "当事人", "當事人", "原告", "被告", "嫌疑人", "户主", "戶主", "员工",
        "員工", "乘客", "旅客", "住客", "入住人", "持卡人", "开户人", "開戶人", "户名", "戶名",
        "家长", "家長", "监护人", "監護人", "主治医生", "主治醫師", "医师", "醫師", "记录人",
        "記錄人", "审核人", "審核人", "代理人", "被保险人", "被保險人", "投保人", "受益人",
        "报案人", "報案人", "学生", "學生", "作者", "经理", "經理", "联络人", "寄件者", "收件者",
        "承辦人", "承办人", "记录", "記錄", "记录人", "主治", "医师", "醫師", "出租人",
        "承租人", "出租方", "承租方", "甲方", "乙方", "推薦者", "推荐人", "介紹者", "司機",
        "司机", "備用聯絡人", "备用联系人", "緊急聯絡人", "紧急联系人",
        /* Japanese */
        "氏名", "名前", "担当", "担当者", "患者名", "受取人", "依頼人", "申込者", "申請者",
        "届出人", "契約者", "被保険者", "フリガナ", "ふりがな", "宛名", "差出人", "ご依頼主",
        "送り主", "代表者", "代表取締役", "名義人", "口座名義", "保護者", "記入者", "作成者",
        "担当医", "主治医", "入居者", "借主", "貸主",
        /* Korean */
        "이름", "성명", "성함", "환자명", "고객명", "담당자", "신청인", "작성자", "수신인",
        "발신인", "보호자", "예금주", "대표자", "수취인", "피보험자", "계약자", "신고인",
        "진술인", "피의자", "참고인", "증인", "환자", "고객", "임차인", "임대인", "세입자",
        "받는 사람", "보내는 사람", "수신", "발신", "받는 분", "보내는 분", "의뢰의사", "주치의",
        "담당의", "작성", "신청자",
        /* Arabic */
        "الاسم", "الاسم الكامل", "اسم المريض", "اسم العميل", "اسم الموظف", "المرسل",
        "المستلم", "مقدم الطلب", "اسم", "اسم الأب", "اسم الأم", "الشاهد", "المتهم", "المدعي",
        "المريض", "العميل", "الموظف", "المريضة", "صاحب الطلب", "المستأجر", "المؤجر",
        /* Hindi */
        "नाम", "पूरा नाम", "रोगी का नाम", "मरीज़ का नाम", "मरीज का नाम", "आवेदक का नाम",
        "आवेदक", "ग्राहक का नाम", "ग्राहक", "शिकायतकर्ता", "पिता का नाम", "पति का नाम",
        "माता का नाम", "प्रेषक", "प्राप्तकर्ता", "गवाह", "अभियुक्त", "किरायेदार",
        /* Hebrew */
        "שם", "שם מלא", "שם המטופל", "שם הלקוח", "שם פרטי", "שם משפחה", "המטופל",
        "הלקוח", "שם העובד", "העד", "הנאשם", "השוכר",
        /* Persian and Urdu, Bengali, Tamil, Georgian, Armenian */
        "نام", "نام و نام خانوادگی", "نام خانوادگی", "نام بیمار", "নাম", "রোগীর নাম", "பெயர்",
        "სახელი", "გვარი", "სახელი და გვარი", "Անուն", "Ազգանուն", "Անուն Ազգանուն",
        /* Thai */
        "ชื่อ", "ชื่อ-นามสกุล", "ชื่อ-สกุล", "ชื่อผู้ป่วย", "ผู้ป่วย", "ชื่อลูกค้า",
        "ผู้ติดต่อ", "ผู้รับ", "ผู้ส่ง", "นามสกุล", "ผู้เช่า",
        NULL
};

/* ASCII labels (any case) a name of these scripts may follow: "name": "王晓峰", From: 김민준. */
static const char *const ascii_labels[] = {
        "name", "full name", "fullname", "full_name", "customer", "customer_name", "patient",
        "patient_name", "contact", "contact_name", "client", "client_name", "employee",
        "applicant", "sender", "recipient", "attn", "author", "passenger", "guest", "witness",
        "given", "family", "first_name", "last_name", "given_name", "family_name", "surname",
        "display_name", "displayname", "cardholder", "account_name", "beneficiary", "insured",
        "tenant",
        "native_name", "name_native", "name_local", "local_name", "kanji", "hanzi", "hangul",
        "name_ko", "name_zh", "name_ja", "name_ar", "name_hi", "name_he", "name_th", "name_ru",
        "name_kr", "name_cn", "name_jp",
        "chinese name", "japanese name", "korean name", "name (native)", "name in chinese",
        NULL
};

static bool ascii_letter(char c)
{
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

/* Mail headers, labels only at a line's start ("From: 王晓峰 <...>"; not "connect to: ..."). */
static const char *const ascii_headers[] = { "from", "to", "cc", "reply-to", NULL };

/* A label's first byte at ls: not glued to an identifier or option (파일_이름:, --user=),
 * and, for a label in Hangul, not inside a longer word. */
static bool label_start_ok(const struct iw *w, size_t ls)
{
        size_t n;

        if (ls == 0)
                return true;
        char c = w->b[ls - 1];

        if (c == '_' || c == '-' || c == '.' || c == '/' || ascii_letter(c) ||
            (c >= '0' && c <= '9'))
                return false;
        return !(script_at(w, ls, &n) == SC_HANGUL && script_at(w, cp_back(w, ls), &n) == SC_HANGUL);
}

/* Address labels a street of these scripts may follow: "주소: 센텀중앙로 97". */
static const char *const address_labels[] = { "주소", "도로명주소", "소재지", "住所", "地址", "住址",
                                              "العنوان", "पता", "כתובת", "ที่อยู่", NULL };
static const char *const ascii_address_labels[] = { "address", "addr", "adresse", "street",
                                                    "address_ko", "address_local", NULL };

static bool label_before_in(const struct iw *w, size_t s, const char *const *labels,
                            const char *const *ascii, bool headers);
static bool line_start(const struct iw *w, size_t p);

/* Whether [.., s) ends with a name label and its colon: "姓名：", "name: ", "\"name\": \"",
 * "성명 : ". The name itself starts at s. */
static bool label_before(const struct iw *w, size_t s)
{
        return label_before_in(w, s, name_labels, ascii_labels, true);
}

/* Place labels: "district": "송파구", 城市：成都, المدينة: جدة. */
static const char *const place_labels[] = {
        "城市", "地区", "地區", "省份", "所在地", "籍贯", "籍貫", "出生地", "都道府県", "市区町村",
        "出身地", "도시", "지역", "시군구", "출생지", "المدينة", "الدولة", "البلد", "مكان الميلاد",
        "शहर", "जिला", "ज़िला", "राज्य", "जन्म स्थान", "עיר", "ארץ", "מקום לידה", "จังหวัด",
        "เมือง", NULL
};
static const char *const ascii_place_labels[] = {
        "city", "town", "district", "region", "province", "state", "country", "prefecture",
        "county", "birthplace", "place of birth", "hometown", "city_ko", "city_local",
        "district_ko", NULL
};

static bool place_label_before(const struct iw *w, size_t s)
{
        return label_before_in(w, s, place_labels, ascii_place_labels, false);
}

static bool address_label_before(const struct iw *w, size_t s)
{
        return label_before_in(w, s, address_labels, ascii_address_labels, false);
}

static bool label_before_in(const struct iw *w, size_t s, const char *const *labels,
                            const char *const *ascii, bool headers)
{
        size_t e = s;
        bool colon = false, columns = false;

        while (e > 0 && (w->b[e - 1] == ' ' || w->b[e - 1] == '\t' || w->b[e - 1] == '"'))
                e--;
        if (has_before(w, e, "：")) {
                e -= 3;
                colon = true;
        } else if (e > 0 && (w->b[e - 1] == ':' || w->b[e - 1] == '=')) {
                e--;
                colon = true;
        } else if (s - e >= 2 || (e < s && w->b[e] == '\t') || has_before(w, s, "　")) {
                /* a form's columns: the label at the line's start, two spaces or a tab, the
                 * value (not a program's help, "--user=NAME    指定") */
                e -= has_before(w, s, "　") && s - e < 2 ? 3 : 0;
                columns = true;
        }
        if (!colon && !columns)
                return false;
        while (e > 0 && (w->b[e - 1] == ' ' || w->b[e - 1] == '\t' || w->b[e - 1] == '"' ||
                         w->b[e - 1] == '*'))
                e--;
        size_t lb = lit_before(w, e, labels);

        if (columns)
                return lb && line_start(w, e - lb);
        if (lb && label_start_ok(w, e - lb))
                return true;
        for (const char *const *l = ascii; *l; l++) {
                size_t n = strlen(*l);

                if (e >= n && strncasecmp(w->b + e - n, *l, n) == 0 && label_start_ok(w, e - n))
                        return true;
        }
        for (const char *const *l = ascii_headers; headers && *l; l++) {
                size_t n = strlen(*l);

                if (e >= n && strncasecmp(w->b + e - n, *l, n) == 0 &&
                    (e == n || w->b[e - n - 1] == '\n'))
                        return true;
        }
        return false;
}

/* ASCII titles and salutations before a name of these scripts: "Dear 김민준", "Mr. 王". */
static const char *const ascii_titles[] = {
        "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Dr", "Dr.", "Prof", "Prof.", "Dear",
        "Herr", "Frau", "Mme", "M.", "Sr.", "Sra.", "Sig.", "Sig.ra", NULL
};

static bool ascii_title_before(const struct iw *w, size_t s)
{
        size_t e = s;

        if (e == 0 || w->b[e - 1] != ' ')
                return false;
        e--;
        for (const char *const *t = ascii_titles; *t; t++) {
                size_t n = strlen(*t);

                if (e >= n && memcmp(w->b + e - n, *t, n) == 0 &&
                    (e == n || !ascii_letter(w->b[e - n - 1])))
                        return true;
        }
        return false;
}

/* [s, e) is a capitalised Latin word of a name: a capital first, letters and hyphens (Min-jun,
 * ChangZhuo), and no ordinary word of the lexicon that is no name (MacBook Pro). */
static bool latin_name_word(const struct iw *w, size_t s, size_t e)
{
        char low[33];

        if (e - s < 2 || e - s >= sizeof(low) || w->b[s] < 'A' || w->b[s] > 'Z' ||
            w->b[s + 1] < 'a' || w->b[s + 1] > 'z')
                return false;
        for (size_t p = s; p < e; p++)
                low[p - s] = (char)(w->b[p] >= 'A' && w->b[p] <= 'Z' ? w->b[p] + 32 : w->b[p]);
        low[e - s] = '\0';
        unsigned f = pii_lex_lookup(low, e - s);

        return !(f & LEX_WORD) || (f & (LEX_GIVEN | LEX_SURNAME_TOP));
}

/* Two capitalised Latin words ("Wang Xiaofeng", "Kim Min-jun") end at e / start at s. */
static bool latin_name_before(const struct iw *w, size_t e)
{
        for (int k = 0; k < 2; k++) {
                size_t s = e;

                while (s > 0 && (ascii_letter(w->b[s - 1]) || w->b[s - 1] == '-'))
                        s--;
                if (!latin_name_word(w, s, e))
                        return false;
                if (k == 0 && (s == 0 || w->b[s - 1] != ' '))
                        return false;
                e = s - 1;
        }
        return true;
}

static bool latin_name_after(const struct iw *w, size_t s)
{
        for (int k = 0; k < 2; k++) {
                size_t e = s;

                while (e < w->len && (ascii_letter(w->b[e]) || w->b[e] == '-'))
                        e++;
                if (!latin_name_word(w, s, e))
                        return false;
                /* one word alone in the parentheses: an English given name, 徐沛文 (Aleen) */
                if (k == 0 && e < w->len && w->b[e] == ')')
                        return true;
                if (k == 0 && (e >= w->len || w->b[e] != ' '))
                        return false;
                s = e + 1;
        }
        return true;
}

/* Whether [s, e) is a name's native form beside its romanised one: in parentheses after
 * two capitalised Latin words ("Wang Xiaofeng (王晓峰)", "Kim Min-jun (김민준)"), or before
 * them in parentheses ("王晓峰 (Wang Xiaofeng)"). A gloss after ordinary words, "task
 * struct (任务结构)", is not. */
static bool beside_latin(const struct iw *w, size_t s, size_t e)
{
        size_t p = s;
        bool open = false;

        if (has_before(w, p, "（")) {
                p -= 3;
                open = true;
        } else if (p > 0 && w->b[p - 1] == '(') {
                p--;
                open = true;
        }
        if (open) {
                if (!(has(w, e, ")") || has(w, e, "）")))
                        return false;
                while (p > 0 && w->b[p - 1] == ' ')
                        p--;
                return latin_name_before(w, p);
        }
        p = e;
        if (p < w->len && w->b[p] == ' ')
                p++;
        return (has(w, p, "(") && latin_name_after(w, p + 1)) ||
               (has(w, p, "（") && latin_name_after(w, p + 3));
}

/* ---- chat lines: "周杰：", "[오후 3:12] 지영: ", "[10:05] पूजा: " ---------------------- */

/* A chat's time stamp that ends at e (then a space): "[10:05]", "[오후 3:12]", "10:05", or
 * none: its start, or e. */
static size_t stamp_before(const struct iw *w, size_t e)
{
        size_t p = e, n;
        bool colon = false, digit = false;

        if (p == 0 || w->b[p - 1] != ' ')
                return e;
        p--;
        if (p > 0 && w->b[p - 1] == ']') {
                size_t q = p - 1;

                while (q > 0 && w->b[q - 1] != '[' && w->b[q - 1] != '\n' && p - q < 40) {
                        colon |= w->b[q - 1] == ':';
                        digit |= digit_at(w, q - 1, &n);
                        q--;
                }
                return q > 0 && w->b[q - 1] == '[' && colon && digit ? q - 1 : e;
        }
        size_t q = p;

        while (q > 0 && (digit_at(w, q - 1, &n) || w->b[q - 1] == ':'))
                q--;
        for (size_t k = q; k < p; k++)
                colon |= w->b[k] == ':';
        return p - q >= 4 && colon ? q : e;
}

static bool line_start(const struct iw *w, size_t p)
{
        return p == 0 || w->b[p - 1] == '\n';
}

/* The end of a speaker's colon at e (':', '：', " :"), or 0. */
static size_t speaker_colon(const struct iw *w, size_t e)
{
        if (has(w, e, "："))
                return e + 3;
        if (e < w->len && w->b[e] == ':' && (e + 1 >= w->len || w->b[e + 1] != '/'))
                return e + 1;
        return 0;
}

/* Whether the line that starts at ls has a chat's shape: [stamp] speaker, a colon, text,
 * the speaker one word or two, no digit in it. */
static bool chat_shaped(const struct iw *w, size_t ls)
{
        size_t p = ls, n;
        unsigned sp = 0;

        if (p < w->len && w->b[p] == '[') {
                while (p < w->len && w->b[p] != ']' && w->b[p] != '\n' && p - ls < 40)
                        p++;
                if (p >= w->len || w->b[p] != ']')
                        return false;
                p += 2;
        }
        for (size_t q = p; q < w->len && q - p < 40; q++) {
                if (w->b[q] == '\n' || digit_at(w, q, &n))
                        return false;
                if (w->b[q] == ' ' && ++sp > 1)
                        return false;
                if (speaker_colon(w, q))
                        return q > p && q + 3 < w->len && w->b[q + (w->b[q] == ':' ? 1 : 3)] != '\n';
        }
        return false;
}

/* Whether [s, e) is where a chat line's speaker stands: at the line's start or after a
 * time stamp, before a colon; *ret_stamped: after a stamp, or a neighbouring line (before
 * or after) has the chat's shape too, so the line is a chat's and not a form's. */
static bool speaker_at(const struct iw *w, size_t s, size_t e, bool *ret_stamped, bool *ret_chat)
{
        size_t st = stamp_before(w, s), ls, q;

        if (!speaker_colon(w, e) || !line_start(w, st))
                return false;
        *ret_stamped = st < s;
        *ret_chat = *ret_stamped;
        /* the line before and the line after */
        ls = st;
        if (ls > 0) {
                q = ls - 1;
                while (q > 0 && w->b[q - 1] != '\n')
                        q--;
                *ret_chat |= chat_shaped(w, q);
        }
        q = e;
        while (q < w->len && w->b[q] != '\n')
                q++;
        if (q + 1 < w->len)
                *ret_chat |= chat_shaped(w, q + 1);
        return true;
}

/* Words in kana that start a line before a colon and are no speaker's name: または: */
static const char *const kana_not_speakers[] = {
        "または", "ただし", "なお", "および", "もしくは", "つまり", "たとえば", "ちなみに", "そして",
        "しかし", "これ", "それ", "はい", "いいえ", "ヒント", "メモ", "エラー", "コメント",
        "ポイント", "タイトル", "ステータス", "メール", "サイズ", "テーマ", "モード", "タイプ",
        "オプション", "バージョン", "ファイル", "パス", "ユーザー", "ホスト", "ポート", "キー",
        "フリガナ", "ふりがな", "よみがな", NULL
};

/* A chat's time stamp at p: digits with ':' and date marks (2024-05-11 20:13:05, 14.02.25
 * 21:10, 오후 7:02), in brackets or not: its end, else 0. */
static size_t stamp_at(const struct iw *w, size_t p)
{
        size_t q = p, n;
        unsigned digits = 0;
        bool colon = false;

        if (q < w->len && w->b[q] == '[')
                q++;
        if (has(w, q, "오전 ") || has(w, q, "오후 ") || has(w, q, "午前") || has(w, q, "午後"))
                q += 7;
        if (!digit_at(w, q, &n))
                return 0;
        while (q < w->len && q - p < 28) {
                if (digit_at(w, q, &n)) {
                        digits++;
                        q += n;
                } else if (w->b[q] == ':' || w->b[q] == '-' || w->b[q] == '.' || w->b[q] == '/' ||
                           (w->b[q] == ' ' && digit_at(w, q + 1, &n))) {
                        colon |= w->b[q] == ':';
                        q++;
                } else {
                        break;
                }
        }
        if (q < w->len && w->b[q] == ']')
                q++;
        return colon && digits >= 3 ? q : 0;
}

/* Whether [s, e) stands as a chat export's sender: at a line's start (or in brackets
 * there) with a time stamp after it ("陈静 2024-05-11 20:13:05", "[김민지] [오후 7:02]",
 * "ليلى, [14.02.25 21:10]"), or after a time stamp that starts the line, before the
 * message ("09:12 ゆうこ おはよう"). */
static bool sender_at(const struct iw *w, size_t s, size_t e)
{
        size_t ls = s > 0 && w->b[s - 1] == '[' ? s - 1 : s, p = e;

        if (line_start(w, ls)) {
                if (ls < s) {
                        if (p >= w->len || w->b[p] != ']')
                                return false;
                        p++;
                }
                if (has(w, p, ", "))
                        p += 2;
                else if (has(w, p, " "))
                        p += 1;
                else
                        return false;
                size_t q = stamp_at(w, p);

                return q && (q >= w->len || w->b[q] == '\n' || w->b[q] == ' ' || w->b[q] == '\r');
        }
        /* a time stamp, a space, the sender, a space: LINE's export */
        if (s >= 6 && w->b[s - 1] == ' ') {
                size_t t = s - 1, q;

                while (t > 0 && w->b[t - 1] != '\n' && s - t < 12)
                        t--;
                q = line_start(w, t) ? stamp_at(w, t) : 0;
                return q == s - 1 && (has(w, e, " ") || has(w, e, "　"));
        }
        return false;
}

/* The last characters of Chinese and Japanese field labels, never of a speaker's name:
 * 地址, 电话, 性别, 日期, 金额. */
static const char *const cjk_label_ends[] = {
        "址", "话", "話", "别", "別", "龄", "齡", "期", "间", "間", "号", "號", "码", "碼",
        "额", "額", "式", "型", "称", "稱", "断", "斷", "嘱", "囑", "录", "錄", "态", "態",
        "量", "价", "價", "费", "費", "注", "备", "備", "题", "題", "容", "因", "果", "求",
        "明", "述", "见", "見", "议", "議", "案", "源", "位", "类", "類", "务", "務", "况",
        "況", "由", "则", "則", "项", "項", "点", "點", "区", "區", "市", "省", "县", "縣",
        "路", "街", "道", "国", "國", "家", "名", "人", "者", "方", "品", "物", "数", "數",
        "先", "所", "先", "目", "的", "件", "单", "單", "表", "书", "書", "科", "部", "室",
        "院", "师", "師", "长", "長", "生", "员", "員", "户", "戶", "证", "證", "史", "症",
        "置", "询", "詢", "距", "够", "夠", "败", "敗", "限", "是", "误", "誤", "告", "示",
        "令", "法", "序", "统", "統", "库", "庫", "器", "机", "機", "端", "口", "框", "栏",
        "欄", "单", "钮", "鈕", "键", "鍵", "值", "度", "率", "本", "文", "字", "符", "图",
        "圖", "色", "层", "層", "级", "級", "组", "組", "版", "档", "檔", "包", "码", NULL
};

/* ---- Han and kana: Chinese and Japanese ------------------------------------------------ */

/* Honorifics written right after a name: 王先生, 佐藤様, 田中さん. */
static const char *const cjk_honorifics[] = {
        "先生", "女士", "小姐", "老师", "老師", "医生", "醫生", "教授", "律师", "律師",
        "经理", "經理", "主任", "同学", "同學", "太太", "博士", "警官", "法官", "院长",
        "院長", "总经理", "總經理", "董事长", "董事長", "様", "さま", "さん", "氏", "くん",
        "ちゃん", "殿", "部長", "課長", "社長", "会長", "係長", "教諭", "議員", "選手", "記者",
        "弁護士", "医師", "看護師", "队长", "隊長", "局长", "局長", "书记", "書記", "部长",
        "校长", "校長", "市长", "市長", "省长", "县长", "縣長", "镇长", "村长", "主席", "总裁",
        "總裁", "总监", "總監", "老板", "老闆", "阿姨", "叔叔", "师傅", "師傅", "同志",
        /* a letter's sign-off after the writer's name: 何嘉欣 敬上 */
        "敬上", "谨上", "謹上", "敬启", "敬啟", "拜上", NULL
};

/* Roles before a Chinese name in running text: 居民马秀英, 副局长郭志强, 记者王磊. */
static const char *const cjk_roles_before[] = {
        "居民", "村民", "市民", "记者", "記者", "局长", "局長", "队长", "隊長", "校长", "校長",
        "院长", "院長", "主任", "书记", "書記", "部长", "部長", "市长", "市長", "省长", "县长",
        "縣長", "镇长", "医生", "醫生", "医师", "醫師", "教授", "律师", "律師", "警官", "民警",
        "工程师", "工程師", "经理", "經理", "董事长", "董事長", "网友", "網友", "游客", "遊客",
        "乘客", "患者", "家属", "家屬", "同事", "朋友", "丈夫", "妻子", "儿子", "兒子", "女儿",
        "女兒", "母亲", "母親", "父亲", "父親", "业主", "業主", "房东", "房東", "租客", "司机",
        "司機", "店主", "老板", "老闆", "志愿者", "志願者", "选手", "選手", "球员", "球員",
        "通讯员", "通訊員", "工作人员", "工作人員", "管理员", "管理員", "技师", "技師", NULL
};

/* Characters that follow a name in running Chinese and start no given name: verbs and
 * function words (马秀英告诉, 王磊说, 郭志强表示). */
static const char *const zh_after_name[] = {
        "说", "說", "表", "告", "报", "報", "称", "稱", "指", "认", "認", "介", "透", "在", "是",
        "的", "和", "与", "與", "等", "也", "还", "還", "就", "对", "對", "向", "从", "從", "被",
        "把", "将", "將", "已", "曾", "正", "于", "於", "今", "昨", "近", "带", "帶", "到", "来",
        "來", "去", "了", "着", "著", "过", "過", "则", "則", "却", "卻", "都", "又", "再", "便",
        "才", "要", "会", "會", "能", "可", "并", "並", "而", "及", "或", "以", "为", "為", "因",
        "所", "如", "虽", "雖", "但", "回", "接", "提", "发", "發", "进", "進", "出", "同", "先",
        "女", "男", NULL
};

/* The 30 commonest Chinese surnames: after 老 or 小 they make a name (老王, 小李). */
static const char *const zh_top_surnames[] = {
        "王", "李", "张", "張", "刘", "劉", "陈", "陳", "杨", "楊", "黄", "黃", "赵", "趙", "吴",
        "吳", "周", "徐", "孙", "孫", "马", "馬", "朱", "胡", "郭", "何", "林", "罗", "羅", "郑",
        "鄭", "梁", "谢", "謝", "宋", "唐", "许", "許", "韩", "韓", "冯", "馮", "邓", "鄧", NULL
};

/* Words after a name-like Han run that make it an organisation's, not a place's or person's:
 * 中国银行, 北京大学, 上海公司. */
static const char *const cjk_org_words[] = {
        "银行", "銀行", "大学", "大學", "公司", "集团", "集團", "医院", "醫院", "航空",
        "电视", "電視", "证券", "證券", "保险", "保險", "电信", "電信", "移动", "日报",
        "日報", "株式会社", "大学院", "学院", "學院", "中学", "中學", "小学", "小學", "高校",
        "銀", "駅", "站", "队", "隊", "市场", "市場", "协会", "協會", "工业", "工業",
        "立", /* 横浜市立市民病院, 県立高校: municipal, prefectural */ NULL
};

/* After a place's name, what makes it a language, a people or a style: 美国人, ドイツ語. */
static const char *const cjk_not_place_after[] = { "语", "語", "文", "人", "族", "式", "菜",
                                                   "风", "風", "籍", "版", "製", "系", "料理",
                                                   "産", "产", NULL };

/* The last character of a language's or keyboard's name, never of a person's (阿拉伯语). */
static const char *const cjk_not_name_end[] = { "语", "語", "人", "族", "式", "菜", "版",
                                                "系", "製", NULL };

/* Administrative units after a place's name: 浙江省, 杭州市, 西湖区, 東京都, 千代田区. */
static const char *const cjk_admin[] = {
        "特别行政区", "特別行政區", "自治区", "自治區", "自治州", "自治县", "省", "市",
        "区", "區", "县", "縣", "镇", "鎮", "乡", "鄉", "都", "府", "県", "郡", "町", "村",
        NULL
};

/* Street words of Chinese addresses, before the number: 建国路88号. */
static const char *const cjk_street_words[] = { "大道", "大街", "胡同", "路", "街", "巷",
                                                "弄", "道", "里", "段", NULL };

/* What a number of an address is followed by: 88号, 1丁目, 6番地, 12楼, 1203室. */
static const char *const cjk_number_units[] = {
        "号楼", "號樓", "丁目", "番地", "单元", "單元", "号", "號", "番", "巷", "弄", "楼",
        "樓", "层", "層", "室", "栋", "棟", "幢", "座", "階", "F", "之", NULL
};

/* Chinese surnames that are also the commonest function words; they start a name only when
 * nothing else does (和王先生 is "and Mr Wang"). */
static const char *const zh_weak_surnames[] = { "和", "于", "向", "时", "那", "都", "由",
                                                "但", "来", "相", "信", "平", "国", "明",
                                                "海", "花", "云", "强", "门", "元", "干",
                                                "公", "利", "居", "全", "应", "常", "成",
                                                "文", "安", NULL };

static bool han_at(const struct iw *w, size_t i)
{
        size_t n;

        return script_at(w, i, &n) == SC_HAN;
}

/* The surname of the lexicon that starts at s (zh: one or two characters; ja: two or three;
 * ko: one or two syllables), its length in bytes, 0 for none; weak ones (zh_weak_surnames)
 * only when weak_ok. */
static size_t surname_at(const struct iw *w, size_t s, size_t lim, bool weak_ok)
{
        for (size_t n = 9; n >= 3; n -= 3) {
                if (s + n > lim)
                        continue;
                if (!(lex(w, s, s + n) & LEX_SURNAME))
                        continue;
                if (n == 3 && !weak_ok && lit_at(w, s, zh_weak_surnames) == 3)
                        continue;
                return n;
        }
        return 0;
}

/* A Han name ending at e (before an honorific), starting at or after lo: "王晓峰", "佐藤健太",
 * "王" alone. Han characters are 3 bytes each. */
static size_t han_name_start(const struct iw *w, size_t lo, size_t e)
{
        size_t k = (e - lo) / 3;

        if (k == 0)
                return e;
        /* the Han run is the name's alone (bounded by kana, punctuation or a space) */
        if (k <= HAN_NAME_MAX && surname_at(w, lo, e, true))
                return lo;
        /* a name inside running Chinese text: surname + one or two characters, or a
         * surname of two characters + one or two, or the surname alone */
        static const unsigned lens[] = { 3, 4, 2, 1 };

        for (unsigned j = 0; j < 4; j++) {
                size_t L = lens[j];

                if (L > k)
                        continue;
                size_t s = e - 3 * L, sn = surname_at(w, s, e, false);

                if (!sn || (L == 4 && sn < 6) || (L == 1 && sn != 3))
                        continue;
                return s;
        }
        return e;
}

/* The run of Han characters (and 々) that ends at e: its start. */
static size_t han_run_start(const struct iw *w, size_t e)
{
        while (e > 0) {
                size_t s = cp_back(w, e), n;

                if (script_at(w, s, &n) != SC_HAN || s + n != e)
                        break;
                e = s;
        }
        return e;
}

static size_t han_run_end(const struct iw *w, size_t i)
{
        size_t n;

        while (i < w->len && script_at(w, i, &n) == SC_HAN)
                i += n;
        return i;
}

static size_t kana_run_end(const struct iw *w, size_t i, bool katakana_only)
{
        size_t n;

        while (i < w->len) {
                unsigned c = cp_at(w->b, w->len, i, &n);

                if (!(c == 0x30fb || c == 0x30fc || (c >= 0x30a1 && c <= 0x30fa) ||
                      (!katakana_only && c >= 0x3041 && c <= 0x3096)))
                        break;
                i += n;
        }
        return i;
}

/* A name after a label: Han (2-4; "山田 太郎" with one space), or katakana (ヤマダ タロウ). */
static size_t cjk_label_name(const struct iw *w, size_t s)
{
        size_t e = han_run_end(w, s), n;

        if (e > s) {
                if ((e - s) / 3 > HAN_NAME_MAX || (e - s) / 3 < 2 - (surname_at(w, s, e, true) > 0))
                        return 0;
                /* Japanese family and given names apart: 山田 太郎, 山田　太郎 */
                size_t g = has(w, e, " ") ? e + 1 : has(w, e, "　") ? e + 3 : 0;

                if (g && han_at(w, g)) {
                        size_t ge = han_run_end(w, g);

                        if ((ge - g) / 3 <= 3 && (e - s) / 3 <= 3)
                                e = ge;
                }
                return e;
        }
        e = kana_run_end(w, s, true);
        if (e == s)
                return 0;
        while (has(w, e, " ") || has(w, e, "　")) {
                size_t g = e + (w->b[e] == ' ' ? 1 : 3), ge = kana_run_end(w, g, true);

                if (ge == g)
                        break;
                e = ge;
        }
        (void)n;
        return (e - s) / 3 >= 2 ? e : 0;
}

/* Units of a number chain that make it an address's on their own: 1丁目, 6番地, 2番. */
static const char *const cjk_block_units[] = { "丁目", "番地", "番", NULL };

/* A number chain of an address at i: 88号, 1丁目6-5, 五段7號, 3栋2单元501室, 1-6-5. The end
 * of the chain (i for none); *ret_unit: the chain is an address's: it has 丁目/番地/番, or a
 * house number (号, 號) after a street word or an administrative unit (street), or three
 * small numbers joined by dashes (a date, 2024-01-05, is not). A floor or room alone (第3層,
 * 12楼) is not. */
static size_t cjk_number_chain_at(const struct iw *w, size_t i, bool street, bool *ret_unit)
{
        size_t e = i, n;
        unsigned dashes = 0, big = 0;

        *ret_unit = false;
        if (i > 0 && has_before(w, i, "第"))
                return i;
        for (;;) {
                size_t d = e;

                while (digit_at(w, d, &n))
                        d += n;
                if (d == e)
                        break;
                if (d - e > 3)
                        big++;
                e = d;
                size_t u = lit_at(w, e, cjk_number_units);

                if (u) {
                        /* 2番 alone is "number 2": 番 wants a number after it */
                        if ((lit_at(w, e, cjk_block_units) &&
                             (!has(w, e, "番") || has(w, e, "番地") ||
                              digit_at(w, e + 3, &n))) ||
                            (street && (has(w, e, "号") || has(w, e, "號"))))
                                *ret_unit = true;
                        e += u;
                        continue;
                }
                if (e < w->len && (w->b[e] == '-' || has(w, e, "－") || has(w, e, "ー")) &&
                    digit_at(w, e + (w->b[e] == '-' ? 1 : 3), &n)) {
                        e += w->b[e] == '-' ? 1 : 3;
                        dashes++;
                        continue;
                }
                break;
        }
        if (dashes >= 2 && !big)
                *ret_unit = true;
        return e;
}

static size_t cjk_number_chain(const struct iw *w, size_t i, bool *ret_unit)
{
        return cjk_number_chain_at(w, i, true, ret_unit);
}

/* The place before an administrative unit that ends at e: a place of the lexicon (杭州,
 * 黑龙江), else in an address, the characters back to lo (the last unit's end). */
static size_t admin_place_start(const struct iw *w, size_t lo, size_t e, bool address,
                                bool after_unit)
{
        for (size_t s = e >= 12 ? e - 12 : 0; s + 6 <= e; s++) {
                if (s < lo || ((unsigned char)w->b[s] & 0xc0) == 0x80)
                        continue;
                if (lex(w, s, e) & LEX_PLACE)
                        return s;
        }
        /* 大阪市北区: one character after another unit */
        if (!address || e - lo < (after_unit ? 3u : 6u))
                return e;
        /* 朝阳区 after 北京市; from a stretch's start, at most three characters (我在诸暨市
         * gives 诸暨市 only when 我在 is not the stretch's) */
        if ((e - lo) / 3 <= 3)
                return lo;
        return e - 6;
}

/* Floors and rooms that end a building's part of an address: 12楼, 1203室, 3F, 12階. */
static const char *const cjk_floor_units[] = { "号楼", "號樓", "楼", "樓", "层", "層", "階",
                                               "室", "F", NULL };

/* After a street's number at e, a building and its floor or room: "SOHO现代城5号楼1203室",
 * " 丸の内北口ビル 12階", "环球金融中心58楼", "アルプスビル3F": up to 16 characters of a
 * building's name (Han, kana, Latin letters, digits), then a number and a floor unit (and a
 * room after it: 15樓B室). The tail's end, else e. */
static size_t cjk_street_tail(const struct iw *w, size_t e)
{
        size_t p = e, best = e, n;
        unsigned k = 0, spaces = 0;

        while (p < w->len && k < 24) {
                unsigned c = cp_at(w->b, w->len, p, &n);
                enum script sc = script_of(c);

                if (digit_cp(c)) {
                        size_t d = p, u;

                        while (digit_at(w, d, &n))
                                d += n;
                        if ((u = lit_at(w, d, cjk_floor_units))) {
                                best = d + u;
                                /* a room after the floor: 15樓B室, 12階1201号室 */
                                if (best < w->len && ((w->b[best] >= 'A' && w->b[best] <= 'Z') ||
                                                      digit_at(w, best, &n))) {
                                        size_t r = best;

                                        while (r < w->len && ((w->b[r] >= 'A' && w->b[r] <= 'Z') ||
                                                              digit_at(w, r, &n)))
                                                r += digit_at(w, r, &n) ? n : 1;
                                        if (has(w, r, "室"))
                                                best = r + 3;
                                        else if (has(w, r, "号室"))
                                                best = r + 6;
                                }
                                return best;
                        }
                        p = d;
                        k++;
                        continue;
                }
                if (c == ' ' || c == 0x3000) { /* 丸の内北口ビル 12階 */
                        if (++spaces > 2)
                                break;
                } else if (!(sc == SC_HAN || sc == SC_KANA || (c >= 'A' && c <= 'Z') ||
                             (c >= 'a' && c <= 'z') || c == '-' || c == 0x30fc)) {
                        break;
                }
                p += n;
                k++;
        }
        return best;
}

/* Whether an address's number (with a unit: 号, 丁目, or two dashes) lies in [p, e). */
static bool address_ahead(const struct iw *w, size_t p, size_t e)
{
        size_t n;
        bool unit;

        for (; p < e; p += n) {
                cp_at(w->b, w->len, p, &n);
                if (digit_at(w, p, &n) && cjk_number_chain(w, p, &unit) > p && unit)
                        return true;
        }
        return false;
}

/* Where the street whose number starts at p begins: after the last administrative unit
 * (unit_end, 0 for none), else a street word's name (建国路: two characters before
 * 路) or a Japanese block's (丸の内: up to four), not before the stretch's start i. */
static size_t street_start(const struct iw *w, size_t i, size_t p, size_t unit_end)
{
        size_t sw = lit_before(w, p, cjk_street_words), s, k;

        if (unit_end)
                return unit_end;
        s = p - sw;
        for (k = 0; s > i && k < (sw ? 2u : 4u); k++) {
                size_t b = cp_back(w, s), n;
                enum script sc = script_at(w, b, &n);

                if (sc != SC_HAN && sc != SC_KANA)
                        break;
                s = b;
        }
        return sw && s == p - sw ? p : s;
}

/* One Han/kana stretch from i: names before honorifics, addresses, places. Returns its end. */
static int cjk_stretch(struct iw *w, size_t i, size_t *ret_end)
{
        size_t e = i, n, last_unit = i, unit_s = 0;
        int r;

        /* the stretch: Han, kana, digits and dashes of addresses, no spaces */
        while (e < w->len) {
                enum script sc = script_at(w, e, &n);

                if (sc == SC_HAN || sc == SC_KANA || digit_at(w, e, &n) ||
                    (e > i && (w->b[e] == '-' || w->b[e] == 'F')) || has(w, e, "－") ||
                    has(w, e, "・") || has(w, e, "ー"))
                        e += n ? n : 1;
                else
                        break;
        }
        *ret_end = e;
        /* a name after a label or title at the start of the stretch */
        if (label_before(w, i) || ascii_title_before(w, i)) {
                size_t ne = cjk_label_name(w, i);

                if (ne) {
                        unsigned t = lex(w, i, ne) & LEX_PLACE && !(lex(w, i, ne) & LEX_SURNAME) ?
                                             T_LOCATION : T_PERSON;

                        if ((r = put(w, i, ne, t, ND_PERSON_CONTEXT)) < 0)
                                return r;
                        i = ne;
                }
        }
        /* a place after a place label: 城市：成都 */
        if (han_run_end(w, i) == e && (e - i) / 3 >= 2 && (e - i) / 3 <= 6 &&
            place_label_before(w, i))
                return put(w, i, e, T_LOCATION, ND_LOCATION_CONTEXT);
        /* a chat export's sender: 陈静 2024-05-11 20:13:05; 09:12 ゆうこ おはよう */
        if ((e - i) / 3 >= 2 && (e - i) / 3 <= 6 && sender_at(w, i, e) &&
            ((han_run_end(w, i) == e && surname_at(w, i, e, true) && !(lex(w, i, e) & LEX_PLACE)) ||
             kana_run_end(w, i, false) == e))
                return put(w, i, e, T_PERSON, ND_PERSON_CONTEXT);
        /* a chat's speaker: 周杰：, さくら： */
        {
                bool stamped, chat;
                size_t k = (e - i) / 3;

                if (k >= 2 && k <= HAN_NAME_MAX && speaker_at(w, i, e, &stamped, &chat) && chat) {
                        bool han = han_run_end(w, i) == e, kana = kana_run_end(w, i, false) == e;

                        if ((han && surname_at(w, i, e, false) && !lit_before(w, e, cjk_label_ends) &&
                             !lit_before(w, e, name_labels) && !(lex(w, i, e) & LEX_PLACE)) ||
                            (kana && (stamped || (kana_run_end(w, i, true) == i &&
                                                  !in_list(w, i, e, kana_not_speakers)))))
                                return put(w, i, e, T_PERSON, ND_PERSON_CONTEXT);
                }
        }
        /* a name before a space and an honorific: 山田太郎 様 */
        if (han_run_end(w, i) == e && (e - i) / 3 >= 2 && (e - i) / 3 <= HAN_NAME_MAX &&
            has(w, e, " ") && lit_at(w, e + 1, cjk_honorifics) && surname_at(w, i, e, true) &&
            !(lex(w, i, e) & LEX_PLACE & ~LEX_REGION))
                return put(w, i, e, T_PERSON, ND_PERSON_CONTEXT);
        /* 王晓峰 beside Wang Xiaofeng */
        if (han_run_end(w, i) == e && (e - i) / 3 >= 2 &&
            (e - i) / 3 <= HAN_NAME_MAX && beside_latin(w, i, e)) {
                unsigned f = lex(w, i, e);

                if (f & LEX_PLACE)
                        return put(w, i, e, T_LOCATION, ND_LOCATION_CONTEXT);
                if (surname_at(w, i, e, false) && !lit_before(w, e, cjk_not_name_end))
                        return put(w, i, e, T_PERSON, ND_PERSON_CONTEXT);
        }
        for (size_t p = i; p < e;) {
                size_t h = lit_at(w, p, cjk_honorifics), q, s;
                bool unit;

                /* a role before a name: 居民马秀英告诉, 副局长郭志强表示 */
                size_t rl = lit_at(w, p, cjk_roles_before);

                if (rl && p + rl + 6 <= e && surname_at(w, p + rl, e, false) &&
                    !lit_at(w, p + rl, cjk_roles_before)) {
                        size_t ns = p + rl, sn = surname_at(w, ns, e, false);
                        size_t ne = ns + sn + 3; /* surname and one character */

                        /* a second character of the given name, unless what follows is a
                         * verb or function word */
                        if (ne + 3 <= e && han_at(w, ne) && !lit_at(w, ne, zh_after_name) &&
                            !lit_at(w, ne, cjk_honorifics))
                                ne += 3;
                        if (!(lex(w, ns, ne) & LEX_PLACE)) {
                                if ((r = put(w, ns, ne, T_PERSON, ND_PERSON_CONTEXT)) < 0)
                                        return r;
                                p = ne;
                                continue;
                        }
                }
                /* 老王, 小李: a common surname after 老 or 小 */
                if ((has(w, p, "老") || has(w, p, "小")) && p + 6 <= e &&
                    lit_at(w, p + 3, zh_top_surnames) && !(p + 6 < e && han_at(w, p + 6) &&
                                                          !lit_at(w, p + 6, zh_after_name))) {
                        if ((r = put(w, p, p + 6, T_PERSON, ND_PERSON_CONTEXT)) < 0)
                                return r;
                        p += 6;
                        continue;
                }

                /* 氏名 is a label, not 氏; お客様, 皆さん are no names (no surname) */
                if (h && p > i && !(has(w, p, "氏") && has(w, p + 3, "名"))) {
                        size_t ks = p, ke;

                        /* katakana before the honorific: ジョンさん */
                        while (ks > i) {
                                size_t b = cp_back(w, ks);
                                unsigned c = cp_at(w->b, w->len, b, &n);

                                if (!((c >= 0x30a1 && c <= 0x30fa) || c == 0x30fc || c == 0x30fb))
                                        break;
                                ks = b;
                        }
                        ke = p;
                        if (ke - ks >= 6) {
                                if ((r = put(w, ks, ke, T_PERSON, ND_PERSON_CONTEXT)) < 0)
                                        return r;
                        } else {
                                size_t lo = han_run_start(w, p);

                                lo = lo < i ? i : lo;
                                s = han_name_start(w, lo, p);
                                if (s < p && !(lex(w, s, p) & LEX_PLACE & ~LEX_REGION) &&
                                    (r = put(w, s, p, T_PERSON, ND_PERSON_CONTEXT)) < 0)
                                        return r;
                        }
                        p += h;
                        continue;
                }
                /* an address's number: 建国路88号, 丸の内1丁目6-5 */
                if (digit_at(w, p, &n) && (p == i || !digit_at(w, cp_back(w, p), &q))) {
                        bool street = lit_before(w, p, cjk_street_words) || unit_s;
                        size_t ce = cjk_number_chain_at(w, p, street, &unit);

                        if (unit && ce > p) {
                                size_t ss = street_start(w, i, p, unit_s ? last_unit : 0);

                                if (ss == p && unit_s)
                                        ss = unit_s; /* 千代田区1-2-3: the unit is the street's */
                                size_t te = cjk_street_tail(w, ce);

                                if ((r = put(w, ss, te, T_STREET_ADDRESS, ND_STREET)) < 0)
                                        return r;
                                if (te > e) {
                                        *ret_end = te;
                                        return 0;
                                }
                                p = te;
                                last_unit = te;
                                continue;
                        }
                        p = ce > p ? ce : p + n;
                        continue;
                }
                /* an administrative unit after a place: 浙江省, 杭州市, 西湖区 */
                size_t a = han_at(w, p) && p >= i + 6 ? lit_at(w, p, cjk_admin) : 0;

                /* 日吉本町2丁目, 千代田区1-2-3: a unit right before the block's numbers is the
                 * street's */
                if (a && digit_at(w, p + a, &n)) {
                        bool u2;

                        cjk_number_chain_at(w, p + a, true, &u2);
                        if (u2) {
                                p += a;
                                continue;
                        }
                }
                if (a && !lit_at(w, p + a, cjk_org_words)) {
                        bool address = unit_s || address_ahead(w, p + a, e);
                        size_t ps = admin_place_start(w, last_unit, p, address, unit_s != 0);

                        if (ps < p) {
                                if ((r = put(w, ps, p + a, T_LOCATION, ND_LOCATION_CONTEXT)) < 0)
                                        return r;
                                unit_s = ps;
                                last_unit = p + a;
                                p += a;
                                continue;
                        }
                }
                /* a place of the lexicon, with no unit: 上海, 東京で, 中国 */
                if (han_at(w, p) || script_at(w, p, &n) == SC_KANA) {
                        size_t best = 0;

                        for (size_t L = 15; L >= 6; L -= 3) {
                                unsigned f;

                                if (p + L > e)
                                        continue;
                                f = lex(w, p, p + L);
                                if ((f & LEX_PLACE) && !(f & LEX_SURNAME)) {
                                        best = L;
                                        break;
                                }
                        }
                        if (best && !lit_at(w, p + best, cjk_org_words) &&
                            !lit_at(w, p + best, cjk_honorifics) &&
                            !lit_at(w, p + best, cjk_not_place_after) &&
                            !(script_at(w, p, &n) == SC_KANA &&
                              ((p > i && script_at(w, cp_back(w, p), &n) == SC_KANA) ||
                               script_at(w, p + best, &n) == SC_KANA))) {
                                size_t a2 = lit_at(w, p + best, cjk_admin);

                                if (a2 && lit_at(w, p + best + a2, cjk_org_words)) {
                                        p += best + a2; /* 横浜市立市民病院: a hospital's */
                                        continue;
                                }
                                if ((r = put(w, p, p + best + a2, T_LOCATION,
                                             ND_LOCATION_CONTEXT)) < 0)
                                        return r;
                                if (a2) {
                                        unit_s = p;
                                        last_unit = p + best + a2;
                                }
                                p += best + a2;
                                continue;
                        }
                }
                cp_at(w->b, w->len, p, &n);
                p += n;
        }
        /* a Japanese name with a space between its parts at the stretch's end: 佐々木 美咲,
         * 住む坂口 和子さん */
        size_t hs = han_run_start(w, e);

        hs = hs < i ? i : hs;
        if (hs < e && (e - hs) / 3 >= 2 && (e - hs) / 3 <= 3 && (lex(w, hs, e) & LEX_SURNAME) &&
            (has(w, e, " ") || has(w, e, "　")) && hs >= w->done) {
                size_t g = e + (w->b[e] == ' ' ? 1 : 3), ge = han_run_end(w, g), ke;

                ke = ge > g ? kana_run_end(w, ge, false) : ge;
                /* the given name: one to three Han, then the end of the stretch, a space, an
                 * honorific or punctuation */
                if (ge > g && (ge - g) / 3 <= 3 && !(lex(w, g, ge) & LEX_PLACE) &&
                    (ke == ge || lit_at(w, ge, cjk_honorifics))) {
                        if ((r = put(w, hs, ge, T_PERSON, ND_PERSON_LEXICON)) < 0)
                                return r;
                        *ret_end = ge;
                }
        }
        return 0;
}

/* ---- the scripts with spaces between words: Hangul, Arabic, Devanagari, Hebrew, Thai --- */

#define CLAUSE_MAX 24 /* words of one clause looked at together */

/* A clause: the words of one script separated by single spaces, up to punctuation. */
struct clause {
        enum script sc;
        unsigned n;
        size_t s[CLAUSE_MAX], e[CLAUSE_MAX];
};

static void clause_read(const struct iw *w, size_t i, enum script sc, struct clause *c)
{
        size_t s = i, e;

        c->sc = sc;
        c->n = 0;
        while (c->n < CLAUSE_MAX) {
                e = word_end(w, s, sc);
                c->s[c->n] = s;
                c->e[c->n] = e;
                c->n++;
                if (!next_word(w, e, sc, &s, &e))
                        break;
        }
}

static bool word_is(const struct iw *w, const struct clause *c, unsigned k,
                    const char *const *list)
{
        return k < c->n && in_list(w, c->s[k], c->e[k], list);
}

/* The lexicon flags of words k..k+m-1 as one key ("تل אביב", "उत्तर प्रदेश"). */
static unsigned lex_words(const struct iw *w, const struct clause *c, unsigned k, unsigned m,
                          size_t skip)
{
        if (k + m > c->n)
                return 0;
        return lex(w, c->s[k] + skip, c->e[k + m - 1]);
}

/* Words that end a name of a clause: particles, prepositions, pronouns and the like. */
static const char *const stop_words[] = {
        /* Arabic */
        "في", "من", "إلى", "الى", "على", "عن", "مع", "هو", "هي", "هم", "التي", "الذي",
        "الذين", "قد", "كان", "كانت", "أن", "ان", "إن", "لا", "ما", "لم", "لن", "هذا", "هذه",
        "ذلك", "تلك", "و", "أو", "او", "ثم", "بعد", "قبل", "عند", "حتى", "منذ", "كل", "بين",
        "تم", "يوم", "رقم", "عام", "شركة", "مستشفى", "جامعة", "بنك", "وزارة", "مدير", "رئيس",
        "قال", "قالت", "أكد", "ذكر", "يعمل", "تعمل", "يسكن", "تسكن", "المقيم", "المقيمة",
        "بتاريخ", "تاريخ", "الساعة", "العنوان", "الهاتف", "البريد", "الجنسية", "العمر",
        /* Hindi */
        "का", "की", "के", "ने", "से", "को", "में", "पर", "और", "है", "हैं", "था", "थी", "थे",
        "तथा", "एवं", "जी", "उसने", "उन्होंने", "मैंने", "हमने", "यह", "वह", "ये", "वे", "इस",
        "उस", "एक", "कोई", "सभी", "बहुत", "भी", "तो", "ही", "नहीं", "न", "कि", "जो", "जब",
        "तब", "अब", "यहाँ", "वहाँ", "द्वारा", "लिए", "साथ", "निवासी", "पुत्र", "पुत्री",
        "पत्नी", "उम्र", "वर्ष", "दिनांक", "पता", "फोन", "मोबाइल",
        /* Hebrew */
        "של", "את", "עם", "על", "אל", "הוא", "היא", "כי", "אשר", "זה", "זו", "גם", "לא",
        "או", "אבל", "היה", "הייתה", "מתגורר", "מתגוררת", "גר", "גרה", "תאריך", "כתובת",
        "טלפון", "בן", "בת",
        /* Thai */
        "และ", "ที่", "ของ", "ใน", "จาก", "ได้", "เป็น", "มี", "ไม่", "กับ", "โดย",
        NULL
};

static bool stop_at(const struct iw *w, const struct clause *c, unsigned k)
{
        return word_is(w, c, k, stop_words);
}

/* Up to NAME_WORDS_MAX words of a name from k after a label or title: their count. */
static unsigned name_words(const struct iw *w, const struct clause *c, unsigned k,
                           unsigned max)
{
        unsigned m = 0;

        while (k + m < c->n && m < max && !stop_at(w, c, k + m) &&
               !(lex_words(w, c, k + m, 1, 0) & LEX_PLACE & ~LEX_REGION && m > 0))
                m++;
        return m;
}

static int put_words(struct iw *w, const struct clause *c, unsigned k, unsigned m,
                     unsigned type, unsigned nd)
{
        if (!m)
                return 0;
        return put(w, c->s[k], c->e[k + m - 1], type, nd);
}

/* The end of a number after e (one space or none between, digits of any script, '/' and
 * '-' inside: 152, 123-45, 45/2), or 0. */
static size_t number_after(const struct iw *w, size_t e)
{
        size_t p = e, n, d;

        if (p < w->len && (w->b[p] == ' ' || w->b[p] == ','))
                p++;
        if (p < w->len && w->b[p] == ' ')
                p++;
        if (!digit_at(w, p, &n))
                return 0;
        for (d = p; d < w->len;) {
                if (digit_at(w, d, &n))
                        d += n;
                else if ((w->b[d] == '-' || w->b[d] == '/') && digit_at(w, d + 1, &n))
                        d++;
                else
                        break;
        }
        return d;
}

/* The start of a number that ends right before s ("12 شارع", "45, गांधी मार्ग"), or s. */
static size_t number_before(const struct iw *w, size_t s)
{
        size_t p = s, n;

        if (p > 0 && w->b[p - 1] == ' ')
                p--;
        if (p > 0 && w->b[p - 1] == ',')
                p--;
        size_t e = p;

        while (p > 0) {
                size_t b = cp_back(w, p);

                if (digit_at(w, b, &n) || w->b[b] == '/' || w->b[b] == '-')
                        p = b;
                else
                        break;
        }
        return p < e && digit_at(w, p, &n) ? p : s;
}

/* ---- Hangul --------------------------------------------------------------------------- */

/* Titles and honorifics after a Korean name, as the next word or its start (김민준 씨가,
 * 이지은 과장님께). */
static const char *const ko_titles[] = {
        "씨", "님", "선생님", "교수님", "교수", "박사님", "박사", "과장님", "과장", "부장님",
        "부장", "대리님", "팀장님", "팀장", "차장님", "차장", "실장님", "실장",
        "이사님", "사장님", "사장", "회장님", "회장", "원장님", "대표님", "변호사", "여사",
        "고객님", "주임", "매니저", "기자", "선수", "의원님", "장관", "총리", "대통령", "드림",
        "올림",
        "판사", "경위", "경감", "순경", "형사", NULL
};

/* Words before an attached 님 or 씨 that are no names: 고객님, 선생님, 사장님. */
static const char *const ko_not_names[] = {
        "고객", "회원", "선생", "환자", "사장", "부장", "과장", "차장", "대리", "팀장",
        "실장", "이사", "회장", "원장", "교수", "박사", "기사", "사모", "여사", "형", "누나",
        "언니", "오빠", "선배", "후배", "아버", "어머", "할머", "할아버", "손", "주인", "대표",
        "담당자", "학생", "학부모", "의사", "간호사", "기자", "작가", "감독", "여러분", "아드",
        "따", "부모", "선수", "목사", "신부", "스님", "수녀", "사부", "당신", "귀하", "하느",
        "하나", "부처", "예수", "교감", "교장", "총장", "이장", "반장", "국장", "소장", "청장",
        "시장", "군수", "구청장", "의원", "장관", "총리", "대통령", "판사", "검사", "변호사",
        "경찰관", "형사", "주임", "매니저", "상담사", "관리자", "직원", "임", "님", NULL
};

/* Particles after a Korean word (longest first in use: lit_at takes the longest). */
static const char *const ko_particles[] = {
        "에서", "에게", "으로", "까지", "부터", "께서", "한테", "이랑", "에", "의", "은", "는",
        "이", "가", "을", "를", "와", "과", "도", "로", "께", "만", NULL
};

/* Administrative units at the end of a Korean place's word: 강남구, 역삼동, 경기도. */
static const char *const ko_admin[] = { "특별자치시", "특별자치도", "특별시", "광역시", "시",
                                        "도", "구", "군", "읍", "면", "동", "리", "역", NULL };

/* Words that end in 로 or 길 and are no street: 도로, 경로, 그대로. */
static const char *const ko_not_streets[] = { "도로", "경로", "진로", "통로", "항로",
                                              "그대로", "새로", "주로", "서로", "바로",
                                              "실로", "따로", "대로", "오솔길", "지름길",
                                              "골목길", "산책로", "활주로", "고속도로",
                                              "이대로", "저대로", "혼자로", "앞으로",
                                              "뒤로", "위로", "아래로", "옆으로", NULL };

/* A Korean name [s, e): 1-3 syllables (3 bytes each), a surname of the lexicon first; 4
 * after a surname of two (남궁민수). */
static bool ko_name(const struct iw *w, size_t s, size_t e)
{
        size_t k = (e - s) / 3, sn;

        if (k < 1 || k > 4 || in_list(w, s, e, ko_not_names))
                return false;
        if (k == 1)
                return lex(w, s, e) & LEX_SURNAME;
        sn = surname_at(w, s, e, true);
        return sn && (k < 4 || sn == 6);
}

/* Where an attached honorific (님, 씨 and a particle: 김민준님께) starts in [s, e), or e. */
static size_t ko_attached(const struct iw *w, size_t s, size_t e)
{
        for (size_t p = s + 3; p + 3 <= e; p += 3) {
                if (!has(w, p, "님") && !has(w, p, "씨"))
                        continue;
                size_t rest = p + 3;

                if (rest == e || (lit_at(w, rest, ko_particles) == e - rest))
                        return p;
        }
        return e;
}

/* The word [s, e) without a particle at its end, if what is left is a place of the
 * lexicon (서울에서 -> 서울), or with its administrative unit (강남구 -> 강남). */
static bool ko_place(const struct iw *w, size_t s, size_t e, size_t *ret_e)
{
        if (lex(w, s, e) & LEX_PLACE) {
                *ret_e = e;
                return true;
        }
        for (size_t p = s + 3; p < e; p += 3) {
                size_t a = lit_at(w, p, ko_particles), u = lit_at(w, p, ko_admin);

                if (a && p + a == e && (lex(w, s, p) & LEX_PLACE)) {
                        *ret_e = p;
                        return true;
                }
                if (u && (lex(w, s, p) & LEX_PLACE) &&
                    (p + u == e || lit_at(w, p + u, ko_particles) == e - p - u)) {
                        *ret_e = p + u;
                        return true;
                }
        }
        return false;
}

/* After a Korean street at e, ", " and a building's name and its floor or room:
 * ", 강남파이낸스센터 20층", ", 에이치스퀘어 N동 1203호". The tail's end, else e. */
static size_t ko_street_tail(const struct iw *w, size_t e)
{
        size_t p = e, best = e, n;

        if (!has(w, p, ", "))
                return e;
        p += 2;
        for (unsigned t = 0; t < 4 && p < w->len; t++) {
                size_t q = p, d;

                while (q < w->len && w->b[q] != ' ' && w->b[q] != ',' && w->b[q] != '\n' &&
                       w->b[q] != '"' && q - p < 40)
                        q++;
                if (q == p)
                        break;
                /* a floor or a room: 20층, 1203호 */
                for (d = p; d < q && digit_at(w, d, &n); d += n)
                        ;
                if (d > p && (has(w, d, "층") || has(w, d, "호")) && d + 3 == q)
                        best = q;
                if (q >= w->len || w->b[q] != ' ')
                        break;
                p = q + 1;
        }
        return best;
}

/* A road of a Korean address at word k: 테헤란로 152, 중앙로79번길 12, 역삼동 123-45; the end
 * of the street, 0 for none. */
static size_t ko_street(const struct iw *w, const struct clause *c, unsigned k)
{
        size_t s = c->s[k], e = c->e[k], ne, n;
        bool road = (e - s) / 3 >= 2 && (has_before(w, e, "로") || has_before(w, e, "길")) &&
                    !has_before(w, e, "으로") && !word_is(w, c, k, ko_not_streets);

        if (!road && digit_at(w, e, &n)) { /* 중앙로79번길 */
                size_t d = e;

                while (digit_at(w, d, &n))
                        d += n;
                if (has(w, d, "번길") && (has_before(w, e, "로") || has_before(w, e, "길"))) {
                        e = d + 6;
                        road = true;
                }
        }
        if (road) {
                ne = number_after(w, e);
                bool after_unit = (k > 0 && (lit_before(w, c->e[k - 1], ko_admin) ||
                                             (lex(w, c->s[k - 1], c->e[k - 1]) & LEX_PLACE))) ||
                                  (k == 0 && address_label_before(w, s)) ||
                                  (ne && (ne == w->len || w->b[ne] == '"' || w->b[ne] == '\n' ||
                                          has(w, ne, " 쪽") || has(w, ne, " 근처") ||
                                          has(w, ne, " 앞") || has(w, ne, " 옆")));

                if (ne && !after_unit && !has(w, ne, "번길") && !has(w, ne, "층") &&
                    !has(w, ne, "호") && !has(w, ne, ","))
                        return 0;
                if (!ne || ne == e || (script_at(w, ne, &n) == SC_HANGUL &&
                                       !has(w, ne, "층") && !has(w, ne, "호") &&
                                       !has(w, ne, "번길") && !has(w, ne, "길") &&
                                       lit_at(w, ne, ko_particles) == 0))
                        return 0;
        } else {
                /* a lot number after a 동 or 리: 역삼동 123-45, 갈현리 45번지 */
                if (!(has_before(w, e, "동") || has_before(w, e, "리")) || (e - s) / 3 < 2)
                        return 0;
                ne = number_after(w, e);
                if (!ne)
                        return 0;
                if (has(w, ne, "번지"))
                        ne += 6;
                else if (!memchr(w->b + e, '-', ne - e))
                        return 0;
        }
        /* units: 12층, 101동 1203호 */
        for (;;) {
                size_t u = number_after(w, ne);

                if (u && (has(w, u, "층") || has(w, u, "호") || has(w, u, "동")))
                        ne = u + 3;
                else
                        break;
        }
        return ko_street_tail(w, ne);
}

/* Sign-offs of letters in these scripts; the next line's short name is the writer's. */
static const char *const intl_signoffs[] = {
        "בברכה", "בכבוד רב", "בתודה", "مع التحية", "مع خالص التحية", "وتفضلوا بقبول فائق الاحترام",
        "تحياتي", "وشكراً", "भवदीय", "सादर", "आपका", "आपकी", "धन्यवाद", "감사합니다",
        "ขอแสดงความนับถือ", "ด้วยความนับถือ", NULL
};

/* Whether the line before the one that starts at ls (skipping one blank line) ends with a
 * sign-off of intl_signoffs[] (then ',', '.' or spaces). */
static bool signoff_line_before(const struct iw *w, size_t ls)
{
        size_t e = ls;

        if (e == 0 || w->b[e - 1] != '\n')
                return false;
        e--;
        if (e > 0 && w->b[e - 1] == '\n')
                e--;
        while (e > 0 && (w->b[e - 1] == ' ' || w->b[e - 1] == ',' || w->b[e - 1] == '.' ||
                         w->b[e - 1] == '\r' || has_before(w, e, "،")))
                e -= has_before(w, e, "،") ? 2 : 1;
        return lit_before(w, e, intl_signoffs) != 0;
}

/* A clause that is a chat line's speaker (one or two words before the colon): after a time
 * stamp, any word that is no label or stop word; in a chat's lines without one, a name of
 * the lexicon (a given name; for Hangul, a surname first). Emits it; whether it did. */
static int clause_speaker(struct iw *w, const struct clause *c, bool *ret_done)
{
        bool stamped, chat;
        size_t s = c->s[0], e = c->e[c->n - 1];

        *ret_done = false;
        if (c->n <= 3 && sender_at(w, s, e) && !stop_at(w, c, 0) &&
            !(lex_words(w, c, 0, c->n, 0) & LEX_PLACE) &&
            (c->sc != SC_HANGUL || ((e - s) / 3 <= 4 && !in_list(w, s, e, ko_not_names)))) {
                *ret_done = true;
                return put(w, s, e, T_PERSON, ND_PERSON_CONTEXT);
        }
        if (c->n > 2 || !speaker_at(w, s, e, &stamped, &chat) || !chat)
                return 0;
        for (unsigned k = 0; k < c->n; k++)
                if (stop_at(w, c, k) || lex_words(w, c, k, 1, 0) & LEX_PLACE)
                        return 0;
        if (lit_before(w, e, name_labels) || in_list(w, s, e, name_labels))
                return 0;
        /* without a stamp, the lines of a program's messages ("경고: ...", "오류: ...") have
         * the same shape: a given name of the lexicon only, and none for Hangul */
        if (!stamped) {
                if (c->sc == SC_HANGUL || !(lex_words(w, c, 0, 1, 0) & LEX_GIVEN))
                        return 0;
        } else if (c->sc == SC_HANGUL && ((e - s) / 3 > 4 || in_list(w, s, e, ko_not_names))) {
                return 0;
        }
        *ret_done = true;
        return put(w, s, e, T_PERSON, ND_PERSON_CONTEXT);
}

/* What a whole clause of Arabic, Devanagari or Hebrew may be before its words are read one
 * by one: a chat line's speaker, the writer's name on the line after a sign-off, a place
 * after a place label. Emits it; *ret_done: it was one. */
static int clause_whole(struct iw *w, const struct clause *c, bool *ret_done)
{
        int r = clause_speaker(w, c, ret_done);

        if (r < 0 || *ret_done)
                return r;
        *ret_done = true;
        if (c->n <= 3 && line_start(w, c->s[0]) && signoff_line_before(w, c->s[0]) &&
            !stop_at(w, c, 0))
                return put_words(w, c, 0, c->n, T_PERSON, ND_PERSON_CONTEXT);
        if (c->n <= 3 && place_label_before(w, c->s[0]))
                return put_words(w, c, 0, c->n, T_LOCATION, ND_LOCATION_CONTEXT);
        *ret_done = false;
        return 0;
}

static int hangul_clause(struct iw *w, const struct clause *c)
{
        int r;
        bool spoke;

        if ((r = clause_speaker(w, c, &spoke)) < 0 || spoke)
                return r;

        for (unsigned k = 0; k < c->n; k++) {
                size_t s = c->s[k], e = c->e[k], pe, h;

                if (k == 0 && c->n <= 2 && place_label_before(w, s)) {
                        if ((r = put(w, s, c->e[c->n - 1], T_LOCATION, ND_LOCATION_CONTEXT)) < 0)
                                return r;
                        break;
                }
                if (k == 0 && (label_before(w, s) || ascii_title_before(w, s))) {
                        /* 성명: 김민준; 남궁 민수 */
                        size_t ne = e;

                        if ((e - s) / 3 <= 2 && k + 1 < c->n && (c->e[1] - c->s[1]) / 3 <= 2 &&
                            (lex(w, s, e) & LEX_SURNAME))
                                ne = c->e[++k];
                        size_t ah = ko_attached(w, s, ne);

                        if ((ne != e || ko_name(w, s, ah)) && (ah - s) / 3 >= 2 &&
                            (r = put(w, s, ah, T_PERSON, ND_PERSON_CONTEXT)) < 0)
                                return r;
                        continue;
                }
                if (c->n == 1 && beside_latin(w, s, e) && ko_name(w, s, e))
                        return put(w, s, e, T_PERSON, ND_PERSON_CONTEXT);
                h = ko_attached(w, s, e);
                if (h < e && ko_name(w, s, h)) {
                        if ((r = put(w, s, h, T_PERSON, ND_PERSON_CONTEXT)) < 0)
                                return r;
                        continue;
                }
                if (k + 1 < c->n && lit_at(w, c->s[k + 1], ko_titles) &&
                    (e - s) / 3 >= 2 && ko_name(w, s, e)) {
                        size_t t = lit_at(w, c->s[k + 1], ko_titles), rest = c->s[k + 1] + t;

                        if (rest == c->e[k + 1] ||
                            lit_at(w, rest, ko_particles) == c->e[k + 1] - rest ||
                            has(w, rest, "님")) {
                                if ((r = put(w, s, e, T_PERSON, ND_PERSON_CONTEXT)) < 0)
                                        return r;
                                continue;
                        }
                }
                size_t se = ko_street(w, c, k);

                if (se) {
                        if ((r = put(w, s, se, T_STREET_ADDRESS, ND_STREET)) < 0)
                                return r;
                        while (k + 1 < c->n && c->s[k + 1] < se)
                                k++;
                        continue;
                }
                if (ko_place(w, s, e, &pe)) {
                        if ((r = put(w, s, pe, T_LOCATION, ND_LOCATION_CONTEXT)) < 0)
                                return r;
                        continue;
                }
                /* an administrative unit before a street or another unit: 강남구 테헤란로 */
                if ((e - s) / 3 >= 2 && lit_before(w, e, ko_admin) && k + 1 < c->n) {
                        unsigned j = k + 1;

                        while (j < c->n && lit_before(w, c->e[j], ko_admin) && !ko_street(w, c, j))
                                j++;
                        if (j < c->n && ko_street(w, c, j) &&
                            (r = put(w, s, e, T_LOCATION, ND_LOCATION_CONTEXT)) < 0)
                                return r;
                }
        }
        return 0;
}

/* ---- Arabic ------------------------------------------------------------------------------ */

/* Relations and roles before a name in Arabic and Persian: "ابن عمه كريم", "همسرم رضا". */
static const char *const ar_relations[] = {
        "ابن", "ابنه", "ابنها", "ابني", "ابنتي", "ابنته", "أخي", "أخته", "أخوه", "أختي", "زوجي",
        "زوجته", "زوجتي", "عمه", "عمي", "خالي", "الفني", "الشاهد", "المدعو", "يدعى", "يُدعى",
        "الملقب", "همسرم", "پسرم", "دخترم", "برادرم", "خواهرم", "اینجانب", "همسر", "آقا", NULL
};

static const char *const ar_titles[] = {
        "السيد", "السيدة", "الآنسة", "الدكتور", "الدكتورة", "د.", "المهندس", "المهندسة",
        "الأستاذ", "الأستاذة", "الاستاذ", "الاستاذة", "الشيخ", "الحاج", "الحاجة", "المحامي",
        "المحامية", "الطبيب", "الطبيبة", "العميد", "اللواء", "العقيد", "النقيب", "الملازم",
        "المقدم", "الرائد", "السفير", "الوزير", "القاضي", "الأمير", "الأميرة", "السيدة/",
        "السيد/", "عزيزي", "عزيزتي", "للسيد", "للسيدة", "والسيد", "والسيدة",
        /* Persian and Urdu */
        "آقای", "خانم", "دکتر", "مهندس", "جناب", "محترمہ", "محترم", "ڈاکٹر", NULL
};

/* Words of Arabic names that join the next word: عبد الرحمن, بن سلمان, أبو بكر, آل سعود. */
static const char *const ar_joiners[] = { "عبد", "بن", "بنت", "ابن", "أبو", "ابو", "أبي",
                                          "آل", "ال", NULL };

/* An Arabic word of a name after its first: a given name, a joiner and its word, a word
 * made with عبد (عبدالله), a nisba (الشمري, المصرية). Its words (1 or 2), 0 for none. */
static unsigned ar_name_part(const struct iw *w, const struct clause *c, unsigned k)
{
        size_t s, e;

        if (k >= c->n || stop_at(w, c, k))
                return 0;
        s = c->s[k];
        e = c->e[k];
        if (word_is(w, c, k, ar_joiners))
                return k + 1 < c->n && !stop_at(w, c, k + 1) ? 2 : 0;
        if (lex(w, s, e) & LEX_GIVEN || has(w, s, "عبد"))
                return 1;
        /* a nisba: ال + at least three letters + ي or ية */
        if (has(w, s, "ال") && e - s >= 10 && (has_before(w, e, "ي") || has_before(w, e, "ية")) &&
            !(lex(w, s, e) & LEX_PLACE))
                return 1;
        /* a Persian or Urdu family name in -ی after a given name: کاظمی, احمدی, رضایی */
        if (e - s >= 8 && has_before(w, e, "ی") && k > 0 && (lex(w, c->s[k - 1], c->e[k - 1]) & LEX_GIVEN))
                return 1;
        /* a second given name with its article before a family given name: فاطمة الزهراء
         * حسن */
        if (has(w, s, "ال") && e - s >= 8 && k + 1 < c->n && !(lex(w, s, e) & LEX_PLACE) &&
            (lex(w, c->s[k + 1], c->e[k + 1]) & LEX_GIVEN))
                return 1;
        return 0;
}

/* The first word of an Arabic name without a title: a given name of the lexicon, after a
 * conjunction و glued to it or not (وخالد). The bytes to skip, or -1. */
static int ar_given_first(const struct iw *w, const struct clause *c, unsigned k)
{
        size_t s = c->s[k], e = c->e[k];

        if (lex(w, s, e) & LEX_GIVEN)
                return 0;
        if (has(w, s, "و") && e - s > 4 && (lex(w, s + 2, e) & LEX_GIVEN))
                return 2;
        return -1;
}

static const char *const ar_street_words[] = { "شارع", "طريق", "جادة", "بشارع", "وشارع",
                                               "ميدان", "زقاق", "سكة", "درب", NULL };
/* Units of an Arabic address before or after the street, with a number: مبنى 4521, فيلا 23. */
static const char *const ar_units[] = { "مبنى", "فيلا", "شقة", "عمارة", "الدور", "طابق", "بناية",
                                        NULL };
/* Street words that are ordinary words too (طريق: a way): a number must come with them. */
static const char *const weak_street_words[] = { "طريق", "ميدان", "דרך", "सड़क",
                                                 "रोड", "लेन", NULL };

/* An Arabic place of the lexicon at word k (one or two words), after a prefix glued to it
 * (ب، ل، و، ف; لل for ال): its words, the prefix's bytes in *ret_skip. */
static unsigned ar_place(const struct iw *w, const struct clause *c, unsigned k,
                         size_t *ret_skip)
{
        static const size_t skips[] = { 0, 2, 4 };

        for (unsigned m = 2; m >= 1; m--)
                for (unsigned j = 0; j < 3; j++) {
                        size_t sk = skips[j], s = c->s[k];

                        if (k + m > c->n || c->e[k] - s <= sk + 2)
                                continue;
                        if (sk == 2 && !has(w, s, "ب") && !has(w, s, "و") && !has(w, s, "ف") &&
                            !has(w, s, "ل"))
                                continue;
                        if (sk == 4 && !has(w, s, "وب") && !has(w, s, "وال") && !has(w, s, "بال"))
                                continue;
                        if (lex_words(w, c, k, m, sk) & LEX_PLACE) {
                                *ret_skip = sk;
                                return m;
                        }
                }
        return 0;
}

/* After an Arabic street at e, ", " (، or ,) and a unit with its number or ordinal: the
 * end of the last such unit, else e. */
static size_t ar_units_after(const struct iw *w, size_t e)
{
        size_t p = e, best = e, n;

        for (unsigned t = 0; t < 3; t++) {
                size_t q = p;

                if (has(w, q, "، "))
                        q += 3;
                else if (has(w, q, ", "))
                        q += 2;
                else
                        break;
                size_t u = lit_at(w, q, ar_units);

                if (!u)
                        break;
                q += u;
                if (has(w, q, " "))
                        q++;
                size_t we = q;

                if (digit_at(w, q, &n)) {
                        while (digit_at(w, we, &n))
                                we += n;
                } else {
                        we = word_end(w, q, SC_ARABIC); /* الدور الثالث */
                }
                if (we == q)
                        break;
                best = p = we;
        }
        return best;
}

/* A unit before an Arabic street, ending one ", " before s: "فيلا 23، شارع 17": its start,
 * else s. */
static size_t ar_unit_before(const struct iw *w, size_t s)
{
        size_t p = s, n;

        if (has_before(w, p, "، "))
                p -= 3;
        else if (has_before(w, p, ", "))
                p -= 2;
        else
                return s;
        size_t d = p;

        while (d > 0 && digit_at(w, cp_back(w, d), &n))
                d = cp_back(w, d);
        if (d == p || d < 2 || w->b[d - 1] != ' ')
                return s;
        size_t u = lit_before(w, d - 1, ar_units);

        return u ? d - 1 - u : s;
}

static int arabic_clause(struct iw *w, const struct clause *c)
{
        int r;
        bool spoke;

        if ((r = clause_whole(w, c, &spoke)) < 0 || spoke)
                return r;

        for (unsigned k = 0; k < c->n; k++) {
                unsigned m = 0;
                int g;
                size_t skip = 0;

                if (k == 0 && (label_before(w, c->s[0]) || ascii_title_before(w, c->s[0]))) {
                        m = name_words(w, c, 0, NAME_WORDS_MAX);
                        if ((r = put_words(w, c, 0, m, T_PERSON, ND_PERSON_CONTEXT)) < 0)
                                return r;
                        k += m ? m - 1 : 0;
                        continue;
                }
                /* a relation or a role, then a given name of the lexicon or a quoted one */
                if (word_is(w, c, k, ar_relations) && k + 1 < c->n &&
                    ((lex_words(w, c, k + 1, 1, 0) & LEX_GIVEN) ||
                     (c->s[k + 1] > 0 && w->b[c->s[k + 1] - 1] == '"'))) {
                        unsigned j = k + 2, p2;

                        while (j < c->n && j - k < 5 && (p2 = ar_name_part(w, c, j)) > 0)
                                j += p2;
                        if ((r = put(w, c->s[k + 1], c->e[j - 1], T_PERSON, ND_PERSON_CONTEXT)) < 0)
                                return r;
                        k = j - 1;
                        continue;
                }
                if (word_is(w, c, k, ar_titles) || (has(w, c->s[k], "د.") && c->e[k] == c->s[k] + 2)) {
                        m = name_words(w, c, k + 1, NAME_WORDS_MAX);
                        if ((r = put_words(w, c, k + 1, m, T_PERSON, ND_PERSON_CONTEXT)) < 0)
                                return r;
                        k += m;
                        continue;
                }
                if (word_is(w, c, k, ar_street_words)) {
                        size_t s = word_is(w, c, k, (const char *const[]){ "بشارع", "وشارع", NULL }) ?
                                           c->s[k] + 2 : c->s[k];
                        unsigned n = k + 1 < c->n ? name_words(w, c, k + 1, 3) : 0;
                        size_t e = c->e[k + n], ne = number_after(w, e);

                        if (!n && !ne)
                                continue;
                        /* units after the street and its number: "، مبنى 4521، الدور الثالث" */
                        size_t te = ar_units_after(w, ne ? ne : e);

                        s = ar_unit_before(w, s);
                        if (te > (ne ? ne : e)) {
                                if ((r = put(w, number_before(w, s), te, T_STREET_ADDRESS,
                                             ND_STREET)) < 0)
                                        return r;
                                while (k + 1 < c->n && c->s[k + 1] < te)
                                        k++;
                                continue;
                        }
                        s = number_before(w, s);
                        if (!ne && s == c->s[k] && word_is(w, c, k, weak_street_words))
                                continue;
                        if ((r = put(w, s, ne ? ne : e, T_STREET_ADDRESS, ND_STREET)) < 0)
                                return r;
                        k += n;
                        continue;
                }
                if (word_is(w, c, k, (const char *const[]){ "حي", NULL }) && k + 1 < c->n &&
                    !stop_at(w, c, k + 1) && has(w, c->s[k + 1], "ال")) {
                        unsigned n = k + 2 < c->n && (lex_words(w, c, k + 1, 2, 0) & LEX_PLACE) ? 2 : 1;

                        if ((r = put_words(w, c, k + 1, n, T_LOCATION, ND_LOCATION_CONTEXT)) < 0)
                                return r;
                        k += n;
                        continue;
                }
                if ((g = ar_given_first(w, c, k)) >= 0 && k + 1 < c->n) {
                        unsigned j = k + 1, p;

                        while (j < c->n && j - k < 5 && (p = ar_name_part(w, c, j)) > 0)
                                j += p;
                        if (j > k + 1 && !(j == k + 2 && word_is(w, c, k + 1, ar_joiners))) {
                                if ((r = put(w, c->s[k] + (size_t)g, c->e[j - 1], T_PERSON,
                                             ND_PERSON_LEXICON)) < 0)
                                        return r;
                                k = j - 1;
                                continue;
                        }
                }
                if ((m = ar_place(w, c, k, &skip)) > 0) {
                        if ((r = put(w, c->s[k] + skip, c->e[k + m - 1], T_LOCATION,
                                     ND_LOCATION_CONTEXT)) < 0)
                                return r;
                        k += m - 1;
                }
        }
        return 0;
}

/* ---- Devanagari ---------------------------------------------------------------------------- */

static const char *const hi_titles[] = {
        "श्री", "श्रीमती", "सुश्री", "कुमारी", "डॉ.", "डॉ", "डॉक्टर", "प्रो.", "प्रोफेसर",
        "स्व.", "स्वर्गीय", "मिस्टर", "मिसेज़", "मिसेज", "श्रीमान", "पं.", "पंडित", "श्रीमति",
        "सुश्री.", "श्री.",
        /* Bengali, Tamil */
        "শ্রী", "শ্রীমতী", "জনাব", "ডাঃ", "ডা.", "திரு", "திருமதி", "செல்வி", "டாக்டர்",
        "திரு.", NULL
};

static const char *const hi_street_words[] = { "मार्ग", "रोड", "गली", "लेन", "चौक", "सड़क",
                                               NULL };
static const char *const hi_area_words[] = { "नगर", "विहार", "कॉलोनी", "पुरम", "एन्क्लेव",
                                             "बाग", NULL };

/* The first word of an Indian address's house: मकान नं. 45, प्लॉट 27, फ्लैट नं. 302. */
static const char *const hi_house_words[] = { "मकान", "प्लॉट", "फ्लैट", "हाउस", "भवन", NULL };
/* The pieces after it, each after ", ": गली नं. 3, सेक्टर 4, वार्ड 7, ब्लॉक B. */
static const char *const hi_piece_words[] = { "गली", "सेक्टर", "वार्ड", "ब्लॉक", "फेज़", "फेज",
                                              "पॉकेट", NULL };

/* After a Devanagari word at p: " नं. ", " नंबर ", " संख्या " or a space, then a number: the
 * number's end, else 0. */
static size_t hi_number_after(const struct iw *w, size_t p)
{
        static const char *const marks[] = { " नं. ", " नं ", " नंबर ", " संख्या ", " ", NULL };
        size_t m = lit_at(w, p, marks), n, d;

        if (!m)
                return 0;
        d = p + m;
        if (!digit_at(w, d, &n))
                return 0;
        while (d < w->len && (digit_at(w, d, &n) || w->b[d] == '/' || w->b[d] == '-'))
                d += digit_at(w, d, &n) ? n : 1;
        return d;
}

/* An Indian address line from the house word at s: "मकान नं. 45, गली नं. 3, लाजपत नगर",
 * "प्लॉट 27, मालवीय नगर, सेक्टर 4". Its end, else 0. */
static size_t hi_address_at(const struct iw *w, size_t s)
{
        size_t h = lit_at(w, s, hi_house_words), e, n;

        if (!h || !(e = hi_number_after(w, s + h)))
                return 0;
        for (unsigned t = 0; t < 3; t++) {
                size_t p = e;

                if (!has(w, p, ", "))
                        break;
                p += 2;
                size_t pw = lit_at(w, p, hi_piece_words), pe;

                if (pw && (pe = hi_number_after(w, p + pw))) {
                        e = pe;
                        continue;
                }
                /* a colony or road: one or two words and नगर, विहार, मार्ग... */
                size_t w1 = word_end(w, p, SC_DEVA), q = w1;

                if (w1 == p)
                        break;
                for (unsigned k = 0; k < 2 && has(w, q, " "); k++) {
                        size_t ws = q + 1, we = word_end(w, ws, SC_DEVA);

                        if (we == ws)
                                break;
                        if (in_list(w, ws, we, hi_area_words) || in_list(w, ws, we, hi_street_words)) {
                                e = we;
                                goto next_piece;
                        }
                        q = we;
                }
                break;
next_piece:;
        }
        (void)n;
        return e;
}

/* A Devanagari title at word k, with its dot ("डॉ."): the bytes after which the name
 * starts (a space, or the name glued after the dot), 0 for none. */
static size_t hi_title_end(const struct iw *w, const struct clause *c, unsigned k)
{
        size_t e = c->e[k];

        if (!word_is(w, c, k, hi_titles))
                return 0;
        if (e < w->len && w->b[e] == '.')
                e++;
        return e;
}

static int deva_clause(struct iw *w, const struct clause *c)
{
        int r;
        bool spoke;

        if ((r = clause_whole(w, c, &spoke)) < 0 || spoke)
                return r;

        for (unsigned k = 0; k < c->n; k++) {
                unsigned m;
                size_t ha = hi_address_at(w, c->s[k]);

                if (ha) {
                        if ((r = put(w, c->s[k], ha, T_STREET_ADDRESS, ND_STREET)) < 0)
                                return r;
                        return 0; /* the address runs past the clause */
                }

                if (k == 0 && (label_before(w, c->s[0]) || ascii_title_before(w, c->s[0]))) {
                        m = name_words(w, c, 0, 3);
                        if ((r = put_words(w, c, 0, m, T_PERSON, ND_PERSON_CONTEXT)) < 0)
                                return r;
                        k += m ? m - 1 : 0;
                        continue;
                }
                if (hi_title_end(w, c, k) && k + 1 < c->n) {
                        m = name_words(w, c, k + 1, 3);
                        if ((r = put_words(w, c, k + 1, m, T_PERSON, ND_PERSON_CONTEXT)) < 0)
                                return r;
                        k += m;
                        continue;
                }
                /* given [middle] surname: सुनीता शर्मा, राम प्रसाद गुप्ता; a name before जी */
                if (!stop_at(w, c, k) && !(lex_words(w, c, k, 1, 0) & LEX_PLACE)) {
                        unsigned j = 0;

                        if (k + 1 < c->n && (lex_words(w, c, k + 1, 1, 0) & LEX_SURNAME))
                                j = k + 1;
                        else if (k + 2 < c->n && (lex_words(w, c, k, 1, 0) & LEX_GIVEN) &&
                                 !stop_at(w, c, k + 1) &&
                                 (lex_words(w, c, k + 2, 1, 0) & LEX_SURNAME))
                                j = k + 2;
                        if (j && (lex_words(w, c, k, 1, 0) & (LEX_GIVEN | LEX_SURNAME) ||
                                  word_is(w, c, j + 1, (const char *const[]){ "जी", NULL }) ||
                                  (k > 0 && word_is(w, c, k - 1, hi_titles)))) {
                                if ((r = put(w, c->s[k], c->e[j], T_PERSON, ND_PERSON_LEXICON)) < 0)
                                        return r;
                                k = j;
                                continue;
                        }
                        if (word_is(w, c, k + 1, (const char *const[]){ "जी", NULL }) &&
                            (lex_words(w, c, k, 1, 0) & (LEX_GIVEN | LEX_SURNAME))) {
                                if ((r = put(w, c->s[k], c->e[k], T_PERSON, ND_PERSON_CONTEXT)) < 0)
                                        return r;
                                k++;
                                continue;
                        }
                }
                /* a road: (number,) 1-3 words + मार्ग/रोड */
                for (unsigned j = k + 1; j < c->n && j <= k + 3; j++) {
                        if (!word_is(w, c, j, hi_street_words))
                                continue;
                        size_t s = number_before(w, c->s[k]), ne = number_after(w, c->e[j]);

                        if (stop_at(w, c, k) ||
                            (!ne && s == c->s[k] && word_is(w, c, j, weak_street_words)))
                                break;
                        if ((r = put(w, s, ne ? ne : c->e[j], T_STREET_ADDRESS, ND_STREET)) < 0)
                                return r;
                        k = j;
                        goto next;
                }
                if (k + 1 < c->n && word_is(w, c, k + 1, hi_area_words) && !stop_at(w, c, k)) {
                        if ((r = put(w, c->s[k], c->e[k + 1], T_LOCATION, ND_LOCATION_CONTEXT)) < 0)
                                return r;
                        k++;
                        continue;
                }
                for (m = 2; m >= 1; m--)
                        if (lex_words(w, c, k, m, 0) & LEX_PLACE) {
                                if ((r = put_words(w, c, k, m, T_LOCATION, ND_LOCATION_CONTEXT)) < 0)
                                        return r;
                                k += m - 1;
                                break;
                        }
next:;
        }
        return 0;
}

/* ---- Hebrew ------------------------------------------------------------------------------ */

static const char *const he_titles[] = { "מר", "גב'", "גברת", "ד\"ר", "עו\"ד", "פרופ'",
                                         "הרב", "רו\"ח", "מרת", "אדון", "השופט", "השופטת",
                                         "ד״ר", "עו״ד", "גב׳", "פרופ׳", "למר", "לגב'",
                                         NULL };
static const char *const he_street_words[] = { "רחוב", "רח'", "רח׳", "שדרות", "שד'", "דרך",
                                               "סמטת", "ברחוב", NULL };

/* The Hebrew title at s (with its geresh, which word_end leaves out after a word): its end. */
static size_t he_title_end(const struct iw *w, size_t s)
{
        size_t t = lit_at(w, s, he_titles);

        if (!t || (s + t < w->len && w->b[s + t] != ' '))
                return 0;
        return s + t;
}

static int hebrew_clause(struct iw *w, const struct clause *c);

/* ---- Thai -------------------------------------------------------------------------------- */

/* Titles glued to a Thai given name: นายสมชาย ใจดี, นางสาวกมลา ศรีสุข. */
static const char *const th_titles[] = { "นางสาว", "นาง", "นาย", "น.ส.", "ด.ช.", "ด.ญ.",
                                         "ดร.", "คุณ", "พ.ต.อ.", "พ.ต.ท.", "ร.ต.อ.", NULL };
/* What follows นาย, นาง, คุณ in words that are no names: นายก, นายจ้าง, คุณภาพ. */
static const char *const th_not_names[] = {
        "กรัฐมนตรี", "กเทศมนตรี", "ก", "หน้า", "จ้าง", "ทะเบียน", "พล", "อำเภอ", "ทหาร",
        "ตำรวจ", "แพทย์", "ช่าง", "ประกัน", "ทุน", "ห้าง", "ร้อย", "สิบ", "พัน", "ด่าน",
        "พยาบาล", "งาม", "ฟ้า", "แบบ", "เอก", "ร้าย", "ภาพ", "สมบัติ", "ค่า", "ธรรม",
        "ลักษณะ", "วุฒิ", "ประโยชน์", "ความ", NULL
};
static const char *const th_admin[] = { "จังหวัด", "อำเภอ", "ตำบล", "แขวง", "เขต", "จ.", "อ.",
                                        "ต.", NULL };

static int hebrew_clause(struct iw *w, const struct clause *c)
{
        static const char *const prefixes[] = { "ו", "ב", "ל", "מ", "ה", "וב", "ול", "ומ", NULL };
        int r;
        bool spoke;

        if ((r = clause_whole(w, c, &spoke)) < 0 || spoke)
                return r;

        for (unsigned k = 0; k < c->n; k++) {
                unsigned m;

                if ((k == 0 && (label_before(w, c->s[0]) || ascii_title_before(w, c->s[0]))) ||
                    he_title_end(w, c->s[k])) {
                        unsigned f = k == 0 && !he_title_end(w, c->s[0]) ? 0 : k + 1;

                        m = name_words(w, c, f, 3);
                        if ((r = put_words(w, c, f, m, T_PERSON, ND_PERSON_CONTEXT)) < 0)
                                return r;
                        k = m ? f + m - 1 : k;
                        continue;
                }
                if (word_is(w, c, k, he_street_words) && k + 1 < c->n) {
                        unsigned n = name_words(w, c, k + 1, 3);
                        size_t e = c->e[k + n], ne = number_after(w, e);
                        size_t s = c->s[k] + (has(w, c->s[k], "ברחוב") ? 2 : 0);

                        if (n && (ne || !word_is(w, c, k, weak_street_words)) &&
                            (r = put(w, s, ne ? ne : e, T_STREET_ADDRESS, ND_STREET)) < 0)
                                return r;
                        k += n;
                        continue;
                }
                if ((lex_words(w, c, k, 1, 0) & LEX_GIVEN) && k + 1 < c->n &&
                    (lex_words(w, c, k + 1, 1, 0) & LEX_SURNAME)) {
                        if ((r = put(w, c->s[k], c->e[k + 1], T_PERSON, ND_PERSON_LEXICON)) < 0)
                                return r;
                        k++;
                        continue;
                }
                for (m = 2; m >= 1; m--) {
                        size_t sk = 0;

                        for (const char *const *p = prefixes; *p && !sk; p++)
                                if (!(lex_words(w, c, k, m, 0) & LEX_PLACE) && has(w, c->s[k], *p) &&
                                    (lex_words(w, c, k, m, strlen(*p)) & LEX_PLACE))
                                        sk = strlen(*p);
                        if (sk || (lex_words(w, c, k, m, 0) & LEX_PLACE)) {
                                if ((r = put(w, c->s[k] + sk, c->e[k + m - 1], T_LOCATION,
                                             ND_LOCATION_CONTEXT)) < 0)
                                        return r;
                                k += m - 1;
                                break;
                        }
                }
        }
        return 0;
}

/* Prepositions that Thai writes glued to the place after them: ไป (to), ที่ (at), จาก
 * (from), ใน (in), อยู่ (staying at), ถึง (reaching), แวะ (stopping at). */
static const char *const th_place_preps[] = { "ไป", "ที่", "จาก", "ใน", "อยู่", "ถึง", "แวะ",
                                              NULL };

/* The places of the lexicon glued after a preposition inside the Thai word [i, e):
 * "พรุ่งนี้ไปภูเก็ตกี่โมงคะ" (Phuket), "ส่งไปที่เชียงใหม่แทน" (Chiang Mai); the longest after
 * each preposition. Thai letters and marks are three bytes each in UTF-8. */
static int thai_glued_places(struct iw *w, size_t i, size_t e)
{
        for (size_t p = i; p + 6 <= e; p += 3) {
                size_t n = lit_at(w, p, th_place_preps), q0 = p + n, best = 0;
                int r;

                if (!n)
                        continue;
                for (size_t q = q0 + 6; q <= e && q - q0 <= TH_WORD_MAX; q += 3)
                        if (lex(w, q0, q) & LEX_PLACE)
                                best = q;
                if (!best)
                        continue;
                if ((r = put(w, q0, best, T_LOCATION, ND_LOCATION_CONTEXT)) < 0)
                        return r;
                p = best - 3;
        }
        return 0;
}

/* Thai from i: a title and the name glued to it (and the surname after a space), a road
 * (ถนน, ซอย) with its number before, an administrative unit and its place, a place of the
 * lexicon. Returns the end of what was read. */
static int thai_at(struct iw *w, size_t i, size_t *ret_end)
{
        size_t t = lit_at(w, i, th_titles), e = word_end(w, i, SC_THAI), s2, e2;
        int r;

        *ret_end = e > i ? e : i + 1;
        if (t || label_before(w, i)) {
                size_t g = i + t;

                if (g < w->len && w->b[g] == ' ')
                        g++;
                size_t ge = word_end(w, g, SC_THAI);

                if (ge == g || ge - g > TH_WORD_MAX || lit_at(w, g, th_not_names))
                        return 0;
                bool sur = next_word(w, ge, SC_THAI, &s2, &e2) && e2 - s2 <= TH_WORD_MAX;

                if (!sur && (has(w, i, "คุณ") || has(w, i, "นาย") || has(w, i, "นาง")))
                        return 0; /* a glued title without a surname: คุณภาพ... */
                if ((r = put(w, g, sur ? e2 : ge, T_PERSON, ND_PERSON_CONTEXT)) < 0)
                        return r;
                *ret_end = sur ? e2 : ge;
                return 0;
        }
        if (has(w, i, "ถนน") || has(w, i, "ซอย") || has(w, i, "ซ.") || has(w, i, "ถ.")) {
                size_t s = number_before(w, i), n = lit_at(w, i, (const char *const[]){
                                "ถนน", "ซอย", "ซ.", "ถ.", NULL });
                size_t ne = word_end(w, i + n, SC_THAI);

                if (ne == i + n && i + n < w->len && w->b[i + n] == ' ')
                        ne = word_end(w, i + n + 1, SC_THAI);
                if (has_before(w, s, "เลขที่ "))
                        s -= strlen("เลขที่ ");
                if (ne > i + n && (r = put(w, s, ne, T_STREET_ADDRESS, ND_STREET)) < 0)
                        return r;
                *ret_end = ne > i ? ne : i + 1;
                return 0;
        }
        size_t a = lit_at(w, i, th_admin);

        if (a) {
                size_t p = i + a + (i + a < w->len && w->b[i + a] == ' ');
                size_t pe = word_end(w, p, SC_THAI), n;
                /* in an address (after a street or unit found just before, or before another
                 * unit or a postcode), or a place of the lexicon: not เขตข้อมูล, a data field */
                bool chain = (w->done && w->done + 2 >= i) ||
                             (pe < w->len && w->b[pe] == ' ' &&
                              (lit_at(w, pe + 1, th_admin) || digit_at(w, pe + 1, &n)));

                if (pe > p && pe - p <= TH_WORD_MAX && (chain || (lex(w, p, pe) & LEX_PLACE)) &&
                    (r = put(w, i, pe, T_LOCATION, ND_LOCATION_CONTEXT)) < 0)
                        return r;
                *ret_end = pe > i ? pe : i + 1;
                return 0;
        }
        if (lex(w, i, e) & LEX_PLACE)
                return put(w, i, e, T_LOCATION, ND_LOCATION_CONTEXT);
        return thai_glued_places(w, i, e);
}

/* ---- Georgian and Armenian ----------------------------------------------------------------- */

/* The endings of Georgian and Armenian surnames: Beridze, Kapanadze, Gelashvili, Petrosyan. */
static const char *const geo_arm_surname_ends[] = { "შვილი", "აძე", "იძე", "ეძე", "უძე", "ოძე",
                                                    "յան", "յանց", "եան", NULL };
static const char *const geo_arm_titles[] = { "ბატონი", "ქალბატონი", "ბატონო", "ქალბატონო",
                                              "პარონ", "պարոն", "Պարոն", "տիկին", "Տիկին",
                                              "դոկտոր", "Դոկտոր", "ექიმი", NULL };
/* Words that end like a surname and are no names (Georgian -ია, -ური nouns). */
static const char *const geo_not_names[] = { "საქართველოს", "ინფორმაცია", "კომპანია", "ისტორია",
                                             "ქართული", "კულტური", NULL };

/* An Armenian capital at s (U+0531-U+0556: d4 b1 .. d5 96). */
static bool armn_upper(const struct iw *w, size_t s)
{
        unsigned char a = (unsigned char)w->b[s], b = s + 1 < w->len ? (unsigned char)w->b[s + 1] : 0;

        return (a == 0xd4 && b >= 0xb1) || (a == 0xd5 && b <= 0x96);
}

/* A Georgian or Armenian clause: a label or title and the name after it; two words, the
 * second with a surname's ending (Nino Beridze, Արամ Պետրոսյան). */
static int geo_arm_clause(struct iw *w, const struct clause *c)
{
        int r;

        for (unsigned k = 0; k < c->n; k++) {
                size_t s = c->s[k], e = c->e[k];

                if ((k == 0 && label_before(w, s)) || word_is(w, c, k, geo_arm_titles)) {
                        unsigned f = word_is(w, c, k, geo_arm_titles) ? k + 1 : k;
                        unsigned m = f < c->n ? (f + 1 < c->n ? 2 : 1) : 0;

                        if ((r = put_words(w, c, f, m, T_PERSON, ND_PERSON_CONTEXT)) < 0)
                                return r;
                        k = f + (m ? m - 1 : 0);
                        continue;
                }
                size_t se = k + 1 < c->n ? lit_before(w, c->e[k + 1], geo_arm_surname_ends) : 0;

                /* two letters or more before the ending: not შვილი (a child), ფუძე (a base) */
                if (lex(w, s, e) & LEX_PLACE) {
                        if ((r = put(w, s, e, T_LOCATION, ND_LOCATION_CONTEXT)) < 0)
                                return r;
                        continue;
                }
                if (se && e - s >= 4 && c->e[k + 1] - c->s[k + 1] >= se + 6 &&
                    !word_is(w, c, k + 1, geo_not_names) && !word_is(w, c, k, geo_not_names) &&
                    /* Armenian: both capitalised (U+0531-U+0556 lead d4 b1.. d5 96) */
                    (c->sc != SC_ARMN || (armn_upper(w, s) && armn_upper(w, c->s[k + 1]) &&
                                          !has_before(w, c->e[k + 1], "ության")))) {
                        if ((r = put(w, s, c->e[k + 1], T_PERSON, ND_PERSON_LEXICON)) < 0)
                                return r;
                        k++;
                }
        }
        return 0;
}

/* ---- the walk ------------------------------------------------------------------------------ */

/* Whether byte c may lead a code point of the scripts read here: 0xd7-0xdb (Hebrew,
 * Arabic), 0xe0 (Devanagari, Thai), 0xe3-0xed (kana, Han, Hangul). */
static inline bool lead_byte(unsigned char c)
{
        /* 0xd4-0xd6 Armenian, 0xe1 Georgian (and Vietnamese letters, which script_of()
         * sends on) */
        return (c >= 0xd4 && c <= 0xdb) || c == 0xe0 || c == 0xe1 || (c >= 0xe3 && c <= 0xed);
}

static size_t next_lead(const char *b, size_t i, size_t len)
{
#ifdef __SSE2__
        const __m128i lo = _mm_set1_epi8((char)0xd4);

        /* 64 bytes at a time: one compare for four loads while no byte is >= 0xd4 (most text,
         * Latin letters of UTF-8 included); then the bytes that are, one by one */
        while (i + 64 <= len) {
                const char *q = b + i;
                __m128i v[4] = { _mm_loadu_si128((const void *)q),
                                 _mm_loadu_si128((const void *)(q + 16)),
                                 _mm_loadu_si128((const void *)(q + 32)),
                                 _mm_loadu_si128((const void *)(q + 48)) };
                __m128i x = _mm_max_epu8(_mm_max_epu8(v[0], v[1]), _mm_max_epu8(v[2], v[3]));

                if (_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_max_epu8(x, lo), x))) {
                        for (unsigned k = 0; k < 4; k++) {
                                unsigned m = (unsigned)_mm_movemask_epi8(
                                        _mm_cmpeq_epi8(_mm_max_epu8(v[k], lo), v[k]));

                                while (m) {
                                        unsigned j = (unsigned)__builtin_ctz(m);

                                        if (lead_byte((unsigned char)b[i + 16 * k + j]))
                                                return i + 16 * k + j;
                                        m &= m - 1;
                                }
                        }
                }
                i += 64;
        }
#endif
        while (i < len && !lead_byte((unsigned char)b[i]))
                i++;
        return i;
}

int pii_names_intl_walk(const char *buf, size_t len, size_t from, pii_names_emit_fn emit,
                        void *ud)
{
        struct iw w = { .b = buf, .len = len, .emit = emit, .ud = ud, .done = 0 };
        size_t i = from, n;
        int r = 0;

        while ((i = next_lead(buf, i, len)) < len) {
                enum script sc = script_at(&w, i, &n);
                size_t end = i + (n ? n : 1);
                struct clause c;

                switch (sc) {
                case SC_HAN:
                case SC_KANA:
                        r = cjk_stretch(&w, i, &end);
                        break;
                case SC_HANGUL:
                case SC_ARABIC:
                case SC_DEVA:
                case SC_HEBREW:
                        clause_read(&w, i, sc, &c);
                        end = c.e[c.n - 1];
                        r = sc == SC_HANGUL ? hangul_clause(&w, &c) :
                            sc == SC_ARABIC ? arabic_clause(&w, &c) :
                            sc == SC_DEVA   ? deva_clause(&w, &c) :
                                              hebrew_clause(&w, &c);
                        break;
                case SC_THAI:
                        r = thai_at(&w, i, &end);
                        break;
                case SC_GEOR:
                case SC_ARMN:
                        clause_read(&w, i, sc, &c);
                        end = c.e[c.n - 1];
                        r = geo_arm_clause(&w, &c);
                        break;
                default:
                        break;
                }
                if (r < 0)
                        return r;
                i = end > i ? end : i + 1;
                if (w.done > i)
                        i = w.done;
        }
        return 0;
}

/* ---- Cyrillic and Greek streets, for names.c ------------------------------------------ */

/* Street types written before the name (ул. Малышева, вул. Городоцька, οδός Ερμού) and
 * after it (Комсомольский проспект), in small letters as they are written. */
static const char *const cyr_street_before[] = {
        "ул. ", "ул.", "улица ", "улице ", "улицы ", "вул. ", "вул.", "вулиця ", "вулиці ",
        "просп. ", "проспект ", "пр-т ", "пр. ", "пер. ", "переулок ", "бульвар ", "бул. ",
        "б-р ", "шоссе ", "ш. ", "наб. ", "набережная ", "пл. ", "площадь ", "площа ",
        "провулок ", "пров. ", "οδός ", "οδού ", "οδ. ", "λεωφόρος ", "λεωφ. ", "Λεωφ. ",
        "Λεωφόρος ", "πλατεία ", NULL
};
static const char *const cyr_street_after[] = { " проспект", " бульвар", " переулок",
                                                " шоссе", " проезд", " проспекту", NULL };
/* A house, building or flat after the street: ", д. 51", ", кв. 120", ", оф. 301". */
static const char *const cyr_units[] = { "д. ", "дом ", "буд. ", "кв. ", "корп. ", "стр. ",
                                         "оф. ", "к. ", "эт. ", NULL };

int pii_names_intl_street(const char *buf, size_t len, size_t s, size_t e, size_t *ret_s,
                          size_t *ret_e)
{
        struct iw w = { .b = buf, .len = len };
        size_t st = s, en = e, n, t;

        if ((t = lit_before(&w, s, cyr_street_before)) != 0 &&
            (s - t == 0 || !(((unsigned char)buf[s - t - 1] & 0xc0) == 0x80 ||
                             ascii_letter(buf[s - t - 1]))))
                st = s - t;
        else if ((t = lit_at(&w, e, cyr_street_after)) != 0)
                en = e + t;
        else
                return 0;
        /* the number: " 18", ", 44", ", д. 51" */
        size_t p = en;

        if (has(&w, p, ", "))
                p += 2;
        else if (has(&w, p, " "))
                p += 1;
        size_t u = lit_at(&w, p, cyr_units);

        if (u && (has(&w, p, "д. ") || has(&w, p, "дом ") || has(&w, p, "буд. ")))
                p += u;
        if (!digit_at(&w, p, &n))
                return 0;
        while (p < len && (digit_at(&w, p, &n) || ((buf[p] == '/' || buf[p] == '-') &&
                                                    digit_at(&w, p + 1, &n))))
                p += digit_at(&w, p, &n) ? n : 1;
        if (p < len && ((buf[p] >= 'a' && buf[p] <= 'z') || has(&w, p, "а") || has(&w, p, "б")))
                p += (unsigned char)buf[p] < 0x80 ? 1 : 2; /* 12а */
        /* flats, offices: ", кв. 120" */
        for (;;) {
                size_t q = p;

                if (!has(&w, q, ", "))
                        break;
                q += 2;
                u = lit_at(&w, q, cyr_units);
                if (!u || !digit_at(&w, q + u, &n))
                        break;
                q += u;
                while (digit_at(&w, q, &n))
                        q += n;
                p = q;
        }
        *ret_s = st;
        *ret_e = p;
        return 1;
}
